using PgPlatform.Components.Model;

namespace PgPlatform.Components.Synthesis.GitOps;

/// <summary>The model of one environment (one stack) and the settings of its Argo CD ApplicationSets.</summary>
public sealed record EnvironmentModel(string Environment, ResourceModel Model, GitOpsOptions Options);
