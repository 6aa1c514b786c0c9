namespace PgPlatform.Stacks.Migrations;

/// <summary>An application's migrations folder cannot be used: which file, and how to fix it.</summary>
public sealed class MigrationException(string message) : Exception(message);
