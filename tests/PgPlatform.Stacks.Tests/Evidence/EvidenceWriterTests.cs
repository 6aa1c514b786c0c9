using System.Text.Json;
using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Tests.Evidence;

public sealed class EvidenceWriterTests
{
    /// <summary>The fields DESIGN.md asks every evidence record for, as JSON names.</summary>
    public static readonly string[] DesignFields =
    [
        "backupId", "restoreNamespace", "restoreStartedAt", "applicationMigration", "rtoSeconds", "rpoRows", "rpoSeconds",
        "operatorVersion", "postgresImage", "storageClass", "target", "passed", "reason",
    ];

    internal static RunEvidence Sample() => new()
    {
        Target = "local",
        Fault = "none",
        StartedAt = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero),
        Timings = [new PhaseTiming("target start", 18.3), new PhaseTiming("teardown", 1.1)],
        Drills =
        [
            new DrillEvidence
            {
                Drill = "restore", Target = "local", Fault = "none", Outcome = DrillOutcome.Passed, Reason = "latest restore holds the expected 40 rows | checksum matches",
                StartedAt = new DateTimeOffset(2026, 1, 1, 12, 0, 20, TimeSpan.Zero), DurationSeconds = 34.4, BackupId = "20260101T120000",
                RestoreNamespace = "/tmp/run/restore-latest/data", RestoreStartedAt = new DateTimeOffset(2026, 1, 1, 12, 0, 40, TimeSpan.Zero),
                ApplicationMigration = "not applicable (local target)", RtoSeconds = 9.13, RpoRows = 0, RpoSeconds = 0,
                OperatorVersion = "patroni 3.0.2", PostgresImage = "postgresql 15.18", StorageClass = "local disk",
                Measurements = [new Measurement("latest restore", "40 rows")], Timings = [new PhaseTiming("base backup", 11)],
            },
            new DrillEvidence
            {
                Drill = "rotation", Target = "local", Fault = "none", Outcome = DrillOutcome.Failed, Reason = "the old password still logs in",
                StartedAt = new DateTimeOffset(2026, 1, 1, 12, 1, 0, TimeSpan.Zero), DurationSeconds = 0.5,
                OperatorVersion = "patroni 3.0.2", PostgresImage = "postgresql 15.18", StorageClass = "local disk",
            },
        ],
    };

    [Fact]
    public void JsonHasEveryDesignFieldForEveryDrillAndRoundTrips()
    {
        var json = EvidenceWriter.ToJson(Sample());

        using var document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.GetProperty("passed").GetBoolean());
        foreach (var drill in document.RootElement.GetProperty("drills").EnumerateArray())
        {
            foreach (var field in DesignFields)
            {
                Assert.True(drill.TryGetProperty(field, out _), $"{drill.GetProperty("drill")} lacks {field}");
            }
        }

        var back = EvidenceWriter.FromJson(json);
        var sample = Sample().Drills[0];
        Assert.Equal(sample, back.Drills[0] with { Measurements = sample.Measurements, Timings = sample.Timings });
        Assert.Equal(sample.Measurements, back.Drills[0].Measurements);
        Assert.Equal(sample.Timings, back.Drills[0].Timings);
        Assert.Equal("20260101T120000", back.Drills[0].BackupId);
    }

    [Fact]
    public void MarkdownShowsTheSummaryTheFieldsAndTheTimingAndEscapesPipes()
    {
        var markdown = EvidenceWriter.ToMarkdown(Sample());

        Assert.StartsWith("# Drill evidence: local target, FAILED\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| restore | passed | 9.13 s | 0 row(s), 0.000 s | latest restore holds the expected 40 rows \\| checksum matches |", markdown, StringComparison.Ordinal);
        Assert.Contains("| rotation | FAILED | not applicable | not applicable | the old password still logs in |", markdown, StringComparison.Ordinal);
        Assert.Contains("| application migration | not applicable (local target) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| storage class | local disk |", markdown, StringComparison.Ordinal);
        Assert.Contains("| target start | 18.30 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| base backup | 11.00 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void WritePutsBothFilesInTheDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "evidence-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (json, markdown) = EvidenceWriter.Write(Sample(), dir);

            Assert.Equal(Path.Combine(dir, "evidence.json"), json);
            Assert.True(File.Exists(markdown));
            Assert.Equal("local", EvidenceWriter.FromJson(File.ReadAllText(json)).Target);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
