namespace PgPlatform.Components.Declaration;

/// <summary>One login role of a database as the stack declares it.</summary>
/// <param name="Slot">The slot the application's login ExternalSecret knows it by (<c>a</c>, <c>b</c>): the value of the active-slot key that selects it.</param>
/// <param name="Role">The managed role (<c>spec.managed.roles[].name</c>).</param>
/// <param name="Secret">The Secret CNPG reads its password from (<c>passwordSecret.name</c>).</param>
/// <param name="ExternalSecret">The ExternalSecret writing <paramref name="Secret"/> (what a rotation forces to sync).</param>
/// <param name="VaultSecret">The Key Vault secret holding its password.</param>
public sealed record DeclaredLogin(string Slot, string Role, string Secret, string ExternalSecret, string VaultSecret);
