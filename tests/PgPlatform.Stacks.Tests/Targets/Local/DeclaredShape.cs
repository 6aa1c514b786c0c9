using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Targets.Local;

/// <summary>The local shape of a database as a stack declares it, as <c>drill --stack</c> and <c>nightly --target local</c> shape their targets.</summary>
internal static class DeclaredShape
{
    /// <summary>The shape of <paramref name="application"/> in <paramref name="stack"/> (<c>Pulumi.&lt;stack&gt;.yaml</c> in <paramref name="projectDirectory"/>).</summary>
    public static LocalShape Of(string projectDirectory, string stack, string application, IReadOnlyList<CatalogEntry> catalog) =>
        LocalShape.FromDeclaration(stack, DeclaredStack.Load(projectDirectory, stack, catalog).Database(application));
}
