namespace PgPlatform.Components.Rbac;

/// <summary>The answer to an <see cref="AccessRequest"/>.</summary>
/// <param name="Allowed">True when some binding grants the request.</param>
/// <param name="Reason">
/// When allowed, the binding and role that allowed it (<c>RoleBinding linkding-prod/delivery -> Role linkding-prod/delivery</c>);
/// when denied, <c>no RBAC rule allows ...</c> with the request spelled out and any binding whose role is missing.
/// </param>
public sealed record AccessDecision(bool Allowed, string Reason);
