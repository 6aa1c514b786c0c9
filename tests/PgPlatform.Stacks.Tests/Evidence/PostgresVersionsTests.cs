using PgPlatform.Components.Versions;
using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Tests.Evidence;

public sealed class PostgresVersionsTests
{
    [Theory]
    [InlineData("ghcr.io/cloudnative-pg/postgresql:17.6-standard-bookworm", 17)]
    [InlineData("15.15 (Debian 15.15-0+deb12u1)", 15)]
    [InlineData("registry:5000/postgres:16", 16)]
    [InlineData("postgres:latest", null)]
    public void TheMajorIsTheLeadingNumberOfTheVersionOrOfTheImageTag(string version, int? major) =>
        Assert.Equal(major, PostgresVersions.Major(version));

    [Fact]
    public void ADifferentMajorIsSaidInPlainWords()
    {
        var comparison = PostgresVersions.Compare(ContainerImages.Postgres, "15.15 (Debian 15.15-0+deb12u1)");

        Assert.True(PostgresVersions.Mismatch(comparison));
        Assert.Equal(
            $"MAJOR VERSION MISMATCH: the stack declares PostgreSQL 17 ({ContainerImages.Postgres}) but this drill ran PostgreSQL 15.15 (Debian 15.15-0+deb12u1); it proves the declared shape on PostgreSQL 15, not on PostgreSQL 17",
            comparison);
    }

    [Fact]
    public void TheSameMajorAndTheLabAreNoMismatch()
    {
        Assert.False(PostgresVersions.Mismatch(PostgresVersions.Compare("ghcr.io/cloudnative-pg/postgresql:15.8", "15.15")));
        Assert.Equal("no declared image (lab self-test); ran PostgreSQL 15.15", PostgresVersions.Compare(null, "15.15"));
    }
}
