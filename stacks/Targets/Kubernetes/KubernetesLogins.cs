using PgPlatform.Components.Declaration;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>What a <see cref="KubernetesTarget"/> rotates: the owner its logins act as, the logins as declared (roles, Secrets, ExternalSecrets, Key Vault secrets), and the Deployment that reads them.</summary>
/// <param name="Owner">The database owner.</param>
/// <param name="Declared">The login roles and the application's login Secret as the stack declares them (<see cref="DeclaredDatabase.Logins"/>).</param>
/// <param name="Deployment">The application's Deployment, restarted so that its pods read the new login; null when the stack runs none.</param>
public sealed record KubernetesLogins(string Owner, DeclaredLogins Declared, string? Deployment)
{
    /// <summary>Annotation on the application's login ExternalSecret holding the rotation in progress (JSON, no secret).</summary>
    public const string RotationAnnotation = "pg-platform.io/rotation";

    /// <summary>Pod template annotation whose change restarts a Deployment, the one <c>kubectl rollout restart</c> sets (kubernetes/kubectl <c>pkg/polymorphichelpers/objectrestarter.go</c>).</summary>
    public const string RestartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";
}
