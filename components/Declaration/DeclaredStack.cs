using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;

namespace PgPlatform.Components.Declaration;

/// <summary>
/// A stack as the compiler sees it: its settings, read by the typed parser, and its model, built by the same
/// <see cref="PlatformDeclaration"/> and checked by the same contract gate. The drill driver starts here.
/// </summary>
/// <param name="Settings">The stack's settings.</param>
/// <param name="Model">The stack's declared and checked model.</param>
public sealed record DeclaredStack(StackSettings Settings, ResourceModel Model)
{
    /// <summary>Every database the stack declares, in declaration order.</summary>
    public IReadOnlyList<DeclaredDatabase> Databases => DeclaredDatabase.All(Model, Settings.Stack, Settings.Tier);

    /// <summary>The database of <paramref name="application"/>, or a <see cref="DeclarationException"/> naming the declared ones.</summary>
    public DeclaredDatabase Database(string application) => DeclaredDatabase.Of(Model, Settings.Stack, Settings.Tier, application);

    /// <summary>Declares <paramref name="settings"/>' stack against <paramref name="catalog"/> (a contract violation throws).</summary>
    public static DeclaredStack Declare(StackSettings settings, IReadOnlyList<CatalogEntry> catalog) =>
        new(settings, StackSynthesis.Model(settings, catalog));

    /// <summary>Loads <c>Pulumi.&lt;stack&gt;.yaml</c> from <paramref name="projectDirectory"/> and declares it against <paramref name="catalog"/>.</summary>
    public static DeclaredStack Load(string projectDirectory, string stack, IReadOnlyList<CatalogEntry> catalog) =>
        Declare(StackLoader.Load(projectDirectory, stack), catalog);
}
