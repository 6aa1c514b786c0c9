namespace PgPlatform.Testing.Tests;

/// <summary>A scratch directory tree under the system temp folder, deleted on dispose.</summary>
internal sealed class TempTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("pgp-test-").FullName;

    /// <summary>Creates a directory (and its parents) under the root and returns its full path.</summary>
    public string Create(string relative) => Directory.CreateDirectory(Path.Combine(Root, relative)).FullName;

    /// <summary>Writes a file under the root, creating its directory, and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
