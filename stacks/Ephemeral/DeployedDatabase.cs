namespace PgPlatform.Stacks.Ephemeral;

/// <summary>An application's database deployed by an ephemeral stack, as a target is started from it.</summary>
/// <param name="BaseStack">The stack whose settings the ephemeral stack reuses (kube context, Key Vault).</param>
/// <param name="Application">The application.</param>
/// <param name="StackName">The ephemeral stack (also the environment name).</param>
/// <param name="Outputs">What <c>stack output --json</c> reported (<c>&lt;app&gt;-namespace</c>, <c>&lt;app&gt;-rw-host</c>, ...).</param>
/// <param name="Restores">Deploys restores of this database into stacks of their own; null where restores are not offered.</param>
public sealed record DeployedDatabase(StackFile BaseStack, string Application, string StackName, StackOutputs Outputs, EphemeralRestores? Restores = null);
