using Microsoft.Extensions.Time.Testing;
using PgPlatform.Components.Settings;

namespace PgPlatform.Components.Tests.Settings;

/// <summary>A recovery names a stack that exists and a point in time that has passed, or loading says which stacks exist / what time it is.</summary>
public sealed class RecoverySourceTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ARecoveryFromAStackWithoutAStackFileIsRefusedNamingTheStacksThatExist()
    {
        using var files = new TempStackFiles();
        files.Replace("Pulumi.prod.yaml", "retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: nosuchstack}");
        var e = Assert.Throws<SettingsException>(() => StackLoader.Load(files.Directory, "prod", Clock));
        Assert.Equal($"'pg-platform:databases[1].recoverFrom' in Pulumi.prod.yaml: stack 'nosuchstack' does not exist (no Pulumi.nosuchstack.yaml in {files.Directory}). Fix: name a stack that exists: one of [dev]", e.Message);
    }

    [Fact]
    public void ATargetTimeAheadOfTheClockIsRefusedNamingTheCurrentTime()
    {
        using var files = new TempStackFiles();
        files.Replace("Pulumi.prod.yaml", "retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: dev, targetTime: 2026-11-22T18:01:01Z}");
        var e = Assert.Throws<SettingsException>(() => StackLoader.Load(files.Directory, "prod", Clock));
        Assert.Equal("'pg-platform:databases[1].recoverFrom' in Pulumi.prod.yaml: targetTime '2026-11-22T18:01:01Z' is in the future (it is now 2026-11-22T18:00:00Z): no archived WAL reaches it yet, so recovery would fail. Fix: choose a time in the past, or leave targetTime out to recover to the end of the archived WAL", e.Message);
    }

    [Theory]
    [InlineData("2026-11-22T18:01:00Z")]
    [InlineData("2026-11-22T17:59:59Z")]
    public void ATargetTimeInThePastOrWithinTheClockSkewIsAccepted(string time)
    {
        using var files = new TempStackFiles();
        files.Replace("Pulumi.prod.yaml", "retentionDays: 14", $"retentionDays: 14\n      recoverFrom: {{stack: dev, targetTime: {time}}}");
        var settings = StackLoader.Load(files.Directory, "prod", Clock);
        Assert.Equal(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), settings.Databases[1].RecoverFrom!.TargetTime);
    }
}
