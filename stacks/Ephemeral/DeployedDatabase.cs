using PgPlatform.Components.Declaration;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>An application's database deployed by an ephemeral stack, as a target is started from it.</summary>
/// <param name="Stack">The ephemeral stack as the driver declared it (its settings and model, which Pulumi deployed).</param>
/// <param name="Database">The database as that stack declares it: every name the target acts on comes from here.</param>
/// <param name="Outputs">What <c>stack output --json</c> reported.</param>
/// <param name="Restores">Deploys restores of this database into stacks of their own; null where restores are not offered.</param>
public sealed record DeployedDatabase(DeclaredStack Stack, DeclaredDatabase Database, StackOutputs Outputs, EphemeralRestores? Restores = null)
{
    /// <summary>The application.</summary>
    public string Application => Database.Application;

    /// <summary>The ephemeral stack's name (also its environment name).</summary>
    public string StackName => Stack.Settings.Stack;
}
