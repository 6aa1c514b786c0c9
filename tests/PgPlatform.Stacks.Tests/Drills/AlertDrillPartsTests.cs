using PgPlatform.Components.Declaration;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local.Monitoring;

namespace PgPlatform.Stacks.Tests.Drills;

/// <summary>The alerts drill's parts that need no process: the rules it loads, durations, the receiver's parsing, the plugin metrics, the bounds.</summary>
public sealed class AlertDrillPartsTests
{
    private static readonly DateTimeOffset Injected = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheRulesAreTheProdStacksOwnForLinkdingWithTheDeclaredForDurations()
    {
        var rules = AlertRules.From(DeclaredStack.Load(RepoRoot(), "prod", ApplicationCatalog.All), "linkding");

        Assert.Equal(("prod", "linkding-prod", "linkding-db", 3), (rules.Stack, rules.Namespace, rules.Cluster, rules.Instances));
        Assert.Equal(["linkding-db-alerts.yaml"], rules.Files.Keys);
        Assert.Equal("linkding-db-2", rules.Pod(2));
        Assert.Equal(TimeSpan.Zero, rules.For("PgFailoverHappened"));
        Assert.Equal(TimeSpan.FromMinutes(10), rules.For("PgHaDegraded"));
        Assert.Equal(TimeSpan.FromMinutes(10), rules.For("PgWalArchivingFailing"));
        Assert.Equal(TimeSpan.FromMinutes(5), rules.For("PgInstanceMetricsAbsent"));
        Assert.Equal(TimeSpan.FromMinutes(5), rules.For("PgObjectStoreBackupFailing"));
        // The file holds every declared expression verbatim.
        Assert.All(rules.Rules, r => Assert.Contains(r.Expr.Split('{')[0], rules.Files["linkding-db-alerts.yaml"], StringComparison.Ordinal));
        Assert.All(AlertFaults.All, f => rules.Rule(f.Alert));
    }

    [Fact]
    public void AnAlertTheStackDoesNotDeclareIsRefusedNamingTheDeclaredOnes()
    {
        var rules = AlertRules.From(DeclaredStack.Load(RepoRoot(), "prod", ApplicationCatalog.All), "linkding");

        var error = Assert.Throws<InvalidOperationException>(() => rules.Rule("PgNoSuchAlert"));

        Assert.Contains("declares no alert PgNoSuchAlert for cluster linkding-db (it declares PgClusterOffline, ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0m", 0)]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    public void PrometheusDurationsParse(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), PrometheusDuration.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("5 minutes")]
    public void ANonDurationIsRefusedNamingIt(string text)
    {
        var error = Assert.Throws<FormatException>(() => PrometheusDuration.Parse(text));

        Assert.Contains($"'{text}' is not a Prometheus duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReceiverReadsAlertmanagersWebhookPayload()
    {
        const string Payload = """
            {"version":"4","status":"firing","receiver":"drill","alerts":[
              {"status":"firing","labels":{"alertname":"PgHaDegraded","severity":"warning"},"annotations":{"summary":"High availability of cluster x is degraded"}},
              {"status":"resolved","labels":{"alertname":"PgFailoverHappened","pod":"x-1"},"annotations":{}}]}
            """;

        var alerts = WebhookReceiver.Parse(Payload, Injected);

        Assert.Equal([("PgHaDegraded", "firing", "High availability of cluster x is degraded"), ("PgFailoverHappened", "resolved", "")], alerts.Select(a => (a.Name, a.Status, a.Summary)));
        Assert.Equal("x-1", alerts[1].Labels["pod"]);
    }

    [Fact]
    public void ThePluginMetricsCarryThePluginsNamesPerPodAndZeroUntilRecorded()
    {
        using var metrics = new BackupPluginMetrics(PgPlatform.Stacks.Targets.Local.PortAllocator.Next(), "linkding-prod", ["linkding-db-1", "linkding-db-2"]);
        Assert.Contains("barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{namespace=\"linkding-prod\",pod=\"linkding-db-2\"} 0\n", metrics.Exposition(), StringComparison.Ordinal);

        metrics.RecordListing([new BackupInfo("b1", "w1", "w2", Injected), new BackupInfo("b2", "w3", "w4", Injected.AddHours(1))]);
        metrics.RecordFailure(Injected.AddHours(2));

        var text = metrics.Exposition();
        Assert.Contains($"barman_cloud_cloudnative_pg_io_first_recoverability_point{{namespace=\"linkding-prod\",pod=\"linkding-db-1\"}} {Injected.ToUnixTimeSeconds()}\n", text, StringComparison.Ordinal);
        Assert.Contains($"barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{{namespace=\"linkding-prod\",pod=\"linkding-db-1\"}} {Injected.AddHours(1).ToUnixTimeSeconds()}\n", text, StringComparison.Ordinal);
        Assert.Contains($"barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp{{namespace=\"linkding-prod\",pod=\"linkding-db-1\"}} {Injected.AddHours(2).ToUnixTimeSeconds()}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnObservationCountsOnlyTheAlertOfItsPodDeliveredAfterTheInjection()
    {
        var observation = new AlertObservation(AlertFaults.ObjectStoreDown, Injected, "linkding-db-1", TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(60));
        var labels = new Dictionary<string, string> { ["pod"] = "linkding-db-1" };
        var otherPod = new Dictionary<string, string> { ["pod"] = "linkding-db-2" };

        observation.Observe([new ActiveAlert("PgWalArchivingFailing", "firing", otherPod, Injected)],
            [new AlertDelivery("PgWalArchivingFailing", "firing", labels, "old", Injected.AddSeconds(-5)), new AlertDelivery("PgWalArchivingFailing", "firing", otherPod, "other", Injected.AddMinutes(10))], Injected.AddMinutes(10));
        Assert.False(observation.Delivered);
        Assert.Null(observation.FiringAt);

        observation.Observe([new ActiveAlert("PgWalArchivingFailing", "firing", labels, Injected)], [], Injected.AddSeconds(612));
        observation.Observe([], [new AlertDelivery("PgWalArchivingFailing", "firing", labels, "now", Injected.AddSeconds(615))], Injected.AddSeconds(618));

        Assert.Equal((Injected.AddSeconds(612), Injected.AddSeconds(615), "now"), (observation.FiringAt, observation.DeliveredAt, observation.Summary));
        Assert.Equal(Injected.AddMinutes(11), observation.Deadline);
        Assert.Equal("injected 12:00:00.0Z, firing 12:10:12.0Z, delivered 12:10:15.0Z, time to alert 615.0 s (bound 660 s = declared for 10m + 60 s for scrape, evaluation, group_wait and the fault taking effect)", observation.Describe());
    }

    [Fact]
    public void TheAlertsDrillIsOptInAndRunsLast()
    {
        Assert.Equal(DrillKind.Alerts, DrillNames.AllDrills[^1]);
        Assert.DoesNotContain(DrillKind.Alerts, DrillNames.DefaultDrills);
        Assert.Equal(DrillNames.AllDrills.Count - 1, DrillNames.DefaultDrills.Count);
        Assert.Null(DrillSelection.Parse("alerts", null, out var drills, out _));
        Assert.Equal([DrillKind.Alerts], drills);
    }

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        for (var dir = Path.GetDirectoryName(path); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Pulumi.yaml")))
            {
                return dir;
            }
        }

        throw new DirectoryNotFoundException($"no Pulumi.yaml above {path}");
    }
}
