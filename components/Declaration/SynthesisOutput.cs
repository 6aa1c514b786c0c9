using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;

namespace PgPlatform.Components.Declaration;

/// <summary>What <see cref="ProjectSynthesis.Write"/> wrote for one stack.</summary>
/// <param name="Stack">The stack's settings.</param>
/// <param name="Model">The stack's checked model.</param>
/// <param name="ProgramPath">The Pulumi program written.</param>
/// <param name="GitOpsDirectory">The GitOps tree of every stack of the project.</param>
/// <param name="GitOpsFiles">How many files the tree holds.</param>
public sealed record SynthesisOutput(StackSettings Stack, ResourceModel Model, string ProgramPath, string GitOpsDirectory, int GitOpsFiles);
