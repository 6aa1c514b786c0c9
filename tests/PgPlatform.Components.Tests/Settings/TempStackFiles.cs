using PgPlatform.Testing;

namespace PgPlatform.Components.Tests.Settings;

/// <summary>A throw-away project directory with copies of the repository's Pulumi.yaml and stack files that tests may break.</summary>
internal sealed class TempStackFiles : IDisposable
{
    public TempStackFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"pgp-stacks-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in new[] { "Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml" })
        {
            File.Copy(Path.Combine(SharedSchemas.RepoRoot, file), Path.Combine(Directory, file));
        }
    }

    public string Directory { get; }

    public void Write(string file, string content) => File.WriteAllText(Path.Combine(Directory, file), content);

    public void Replace(string file, string from, string to)
    {
        var text = File.ReadAllText(Path.Combine(Directory, file));
        Assert.Contains(from, text);
        Write(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
