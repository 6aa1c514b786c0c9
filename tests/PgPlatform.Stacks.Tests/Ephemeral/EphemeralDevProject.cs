using PgPlatform.Components.Declaration;

namespace PgPlatform.Stacks.Tests.Ephemeral;

/// <summary>A temporary project declaring dev's linkding and a fake Pulumi CLI: the ground the ephemeral run tests stand on.</summary>
public abstract class EphemeralDevProject : IDisposable
{
    protected EphemeralDevProject(string prefix)
    {
        Project = Directory.CreateTempSubdirectory(prefix).FullName;
        StackFiles.Write(Project, "dev", "linkding");
    }

    protected FakePulumi Pulumi { get; } = new();

    protected string Project { get; }

    protected DeclaredStack Dev => DeclaredStack.Load(Project, "dev", TestCatalog.Of("linkding"));

    public void Dispose()
    {
        Pulumi.Dispose();
        Directory.Delete(Project, recursive: true);
        GC.SuppressFinalize(this);
    }
}
