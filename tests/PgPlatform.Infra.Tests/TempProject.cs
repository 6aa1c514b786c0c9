namespace PgPlatform.Infra.Tests;

/// <summary>A throw-away Pulumi project directory with the repository's Pulumi.yaml and stack files that tests may break.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"pgp-project-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in new[] { "Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml" })
        {
            File.Copy(Path.Combine(Testing.SharedSchemas.RepoRoot, file), Path.Combine(Directory, file));
        }
    }

    public string Directory { get; }

    public string Out => Path.Combine(Directory, "out");

    public string Read(string file) => File.ReadAllText(Path.Combine(Directory, file));

    public void Write(string file, string content) => File.WriteAllText(Path.Combine(Directory, file), content);

    public void Replace(string file, string from, string to)
    {
        var text = Read(file);
        Assert.Contains(from, text);
        Write(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
