using System.Text.Json.Nodes;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// No finding prints a secret-looking value, in any output format: manifests with planted secrets in the places rules
/// quote (a database host variable, a DSN, a keyword connection string, an Azure connection string, a Secret) are
/// checked as text, JSON and SARIF, and no planted value reaches stdout or stderr while the findings themselves do.
/// </summary>
public sealed class CheckRedactionTests : IDisposable
{
    private const string Planted = "S3cr3tPlanted";

    private const string Manifests = $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: linkding
          namespace: linkding-prod
        spec:
          template:
            spec:
              containers:
              - name: linkding
                image: sissbruecker/linkding:1.41.0
                env:
                - name: LD_DB_HOST
                  value: postgres://linkding:{Planted}A@linkding-db-ro.linkding-prod.svc:5432/linkding
                - name: LD_DB_PASSWORD
                  value: {Planted}B
                - name: PG_HOST
                  value: legacy.example.com password={Planted}C sslmode=require
                - name: DB_HOST
                  value: DefaultEndpointsProtocol=https;AccountName=st;AccountKey={Planted}D;EndpointSuffix=core.windows.net
        ---
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata:
          name: linkding-db
          namespace: linkding-prod
        spec:
          instances: 3
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: leaked
          namespace: linkding-prod
        stringData:
          password: {Planted}E
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"pgp-redact-{Guid.NewGuid():N}");

    public CheckRedactionTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "leaks.yaml"), Manifests);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    public async Task NoFormatPrintsAPlantedSecret(string format)
    {
        var result = await InfraRunner.RunAsync($"check leaks.yaml --format {format}", directory: _dir);

        Assert.Equal(ExitCode.Failed, result.ExitCode);
        foreach (var rule in new[] { "PGP012", "PGP014", "PGP021" })
        {
            Assert.Contains(rule, result.Out);
        }

        Assert.DoesNotContain(Planted, result.Out + result.Error, StringComparison.OrdinalIgnoreCase);
        if (format != "text")
        {
            _ = JsonNode.Parse(result.Out);
        }
    }

    [Fact]
    public async Task RedactedFindingsStillSayWhatIsWrong()
    {
        var result = await InfraRunner.RunAsync("check leaks.yaml", directory: _dir);

        Assert.Contains("PGP014 Deployment/linkding-prod/linkding spec.template.spec.containers[0].env[0]: LD_DB_HOST=postgres://linkding:***@linkding-db-ro.linkding-prod.svc:5432/linkding points at the -ro service", result.Out);
        Assert.Contains("PG_HOST=legacy.example.com password=*** sslmode=require matches no Cluster's -rw service", result.Out);
        Assert.Contains("AccountKey=***;EndpointSuffix", result.Out);
        Assert.Contains("PGP021 Deployment/linkding-prod/linkding spec.template.spec.containers[0].env[1].value: container linkding sets LD_DB_PASSWORD to a literal value (not shown)", result.Out);
    }
}
