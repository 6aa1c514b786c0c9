using PgPlatform.Infra.Platform;
using System.CommandLine;
using PgPlatform.Components.Rbac;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Vocabulary;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Commands;

/// <summary>
/// <c>can-i VERB RESOURCE [-n NS] --as SUBJECT --stack S</c>: answers like <c>kubectl auth can-i</c>, from the
/// RBAC the stack synthesizes alone (no cluster needed). Prints yes or no; exit 0 for yes, 1 for no.
/// </summary>
public sealed class CanICommand : Command
{
    /// <summary>The verb, e.g. <c>create</c>.</summary>
    public Argument<string> Verb { get; } = new("verb") { Description = "Verb: get, list, watch, create, update, patch, delete, ..." };

    /// <summary>The resource, e.g. <c>clusters.postgresql.cnpg.io</c> or <c>deployments.apps/cloudnative-pg</c>.</summary>
    public Argument<string> Resource { get; } = new("resource") { Description = $"RESOURCE[.GROUP][/NAME], e.g. {CnpgApi.Clusters}.{CnpgApi.Group} or deployments.apps/cloudnative-pg" };

    /// <summary>The namespace.</summary>
    public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "Namespace of the request (ignored for cluster-scoped resources)" };

    /// <summary>Who asks.</summary>
    public Option<string> As { get; } = new("--as") { Description = "User, or system:serviceaccount:<namespace>:<name>", Required = true };

    /// <summary>Extra groups.</summary>
    public Option<string[]> AsGroup { get; } = new("--as-group") { Description = "Extra group of the subject (repeatable)" };

    /// <summary>Subresource.</summary>
    public Option<string?> Subresource { get; } = new("--subresource") { Description = "Subresource, e.g. log or status" };

    /// <summary>The stack whose RBAC answers.</summary>
    public Option<string> Stack { get; } = new("--stack") { Description = "Stack whose synthesized RBAC answers (reads Pulumi.<stack>.yaml)", Required = true };

    /// <summary>The Pulumi project directory.</summary>
    public Option<string?> ProjectDir { get; } = new("--project-dir") { Description = "Directory holding Pulumi.yaml and the stack files" };

    /// <summary>Creates the command.</summary>
    public CanICommand(CommandContext context)
        : base("can-i", "Answer whether a subject may do something, from the stack's synthesized RBAC alone (like kubectl auth can-i). Exit 0 yes, 1 no, 2 usage error.")
    {
        Arguments.Add(Verb);
        Arguments.Add(Resource);
        Options.Add(Namespace);
        Options.Add(As);
        Options.Add(AsGroup);
        Options.Add(Subresource);
        Options.Add(Stack);
        Options.Add(ProjectDir);
        SetAction(parse => CommandRunner.Run(context, () =>
        {
            AccessRequest request;
            try
            {
                request = AccessRequest.Parse(parse.GetValue(As)!, parse.GetValue(Verb)!, parse.GetValue(Resource)!, parse.GetValue(Namespace), parse.GetValue(AsGroup), parse.GetValue(Subresource));
            }
            catch (ArgumentException e)
            {
                var message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
                context.WriteError(message);
                return (int)ExitCode.Usage;
            }

            var projectDir = ProjectDirectory.Find(parse.GetValue(ProjectDir), context.CurrentDirectory);
            var model = StackSynthesis.Model(StackLoader.Load(projectDir, parse.GetValue(Stack)!), ApplicationCatalog.All);
            var decision = new RbacAuthorizer(model.KubernetesObjects.Select(o => o.ToJson())).Can(request);
            context.Out.WriteLine(decision.Allowed ? "yes" : "no");
            context.Error.WriteLine(decision.Reason);
            return decision.Allowed ? (int)ExitCode.Success : (int)ExitCode.Failed;
        }));
    }
}
