namespace PgPlatform.Components.Declaration;

/// <summary>A read the application depends on: <paramref name="Sql"/> returns one count, positive when the application's data is there.</summary>
/// <param name="Name">What the read shows, in evidence.</param>
/// <param name="Sql">One SELECT returning one bigint.</param>
public sealed record SmokeQuery(string Name, string Sql);
