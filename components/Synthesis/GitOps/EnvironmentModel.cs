using PgPlatform.Components.Model;

namespace PgPlatform.Components.Synthesis.GitOps;

/// <summary>The model of one environment (one stack), named by the environment; the GitOps tree is written from it alone.</summary>
public sealed record EnvironmentModel(string Environment, ResourceModel Model);
