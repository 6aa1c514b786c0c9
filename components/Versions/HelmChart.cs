namespace PgPlatform.Components.Versions;

/// <summary>A Helm chart pinned to a version, with the application version it installs.</summary>
public sealed record HelmChart(string Repository, string Chart, string Version, string AppVersion);
