using System.Text.Json.Nodes;
using PgPlatform.Components.Day0;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Tests.Day0;

/// <summary>A production foundation with two onboarded applications, and its synthesized program.</summary>
internal sealed class FoundationFixture
{
    public FoundationFixture(TierProfile? tier = null)
    {
        var env = TestEnvironments.For(tier ?? TierProfiles.Production, "prod");
        Model = new ResourceModel();
        var foundation = new PlatformFoundation(Model, "platform", new PlatformFoundationArgs
        {
            Environment = env,
            Location = "westeurope",
            SubscriptionId = "11111111-2222-3333-4444-555555555555",
            TenantId = "99999999-8888-7777-6666-555555555555",
            OidcIssuerUrl = "https://issuer.example.com/",
            DeliverySubject = "delivery-bot",
            GitOps = new GitOpsOptions { RepoUrl = "https://git.example.com/gitops.git", Project = "pg-platform" },
        });
        Foundation = foundation;
        foreach (var app in new[] { "shop", "wiki" })
        {
            var application = new Application(Model, app, TestEnvironments.App(env.Tier, "prod") with
            {
                Database = new AppDatabaseArgs { Team = "team-a", Environment = env, DependsOn = foundation.DatabaseDependencies, RetentionDays = app == "wiki" && env.Tier.Tier == Tier.Production ? 14 : null },
            });
            foundation.Onboard(app, application.Database);
        }

        foundation.Complete();
        Program = SynthesizedProgram.Of(Model, "prod");
    }

    public ResourceModel Model { get; }

    public PlatformFoundation Foundation { get; }

    public JsonObject Program { get; }

    public IEnumerable<PulumiResource> OfType(string type) => Model.Resources.OfType<PulumiResource>().Where(r => r.Type == type);

    public PulumiResource Single(string type) => OfType(type).Single();

    public JsonNode Props(string logicalName) => Program["resources"]![logicalName]!["properties"]!;
}
