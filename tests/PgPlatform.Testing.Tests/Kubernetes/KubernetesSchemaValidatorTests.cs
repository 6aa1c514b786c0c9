using System.Text.Json.Nodes;
using PgPlatform.Testing.Kubernetes;
using PgPlatform.Testing.Yaml;

namespace PgPlatform.Testing.Tests.Kubernetes;

public sealed class KubernetesSchemaValidatorTests
{
    private static KubernetesSchemaValidator Validator => KubernetesSchemaValidator.Shared;

    public static TheoryData<string> ValidManifestTexts() => new(ValidManifests.All);

    [Theory]
    [MemberData(nameof(ValidManifestTexts))]
    public void ValidManifestPasses(string yaml)
    {
        Assert.Empty(Validator.Validate(Parse(yaml)));
    }

    [Fact]
    public void WrongTypeNamesTheField()
    {
        var cluster = Parse(ValidManifests.Cluster);
        cluster["spec"]!["instances"] = "three";

        var error = Assert.Single(Validator.Validate(cluster));

        Assert.Equal("Cluster/linkding-db: spec.instances: expected integer, got string \"three\"", error);
    }

    [Fact]
    public void UnknownFieldIsRejected()
    {
        var cluster = Parse(ValidManifests.Cluster);
        cluster["spec"]!["instance"] = 3;

        var error = Assert.Single(Validator.Validate(cluster));

        Assert.Equal("Cluster/linkding-db: spec.instance: unknown field", error);
    }

    [Fact]
    public void MissingRequiredFieldIsRejected()
    {
        var store = Parse(ValidManifests.ObjectStore);
        store["spec"]!["configuration"]!.AsObject().Remove("destinationPath");

        var error = Assert.Single(Validator.Validate(store));

        Assert.Equal("ObjectStore/linkding-store: spec.configuration.destinationPath: required field is missing", error);
    }

    [Fact]
    public void RequiredCustomResourceFieldWithADefaultMayBeOmitted()
    {
        // spec.instances is required but defaults to 1, and the API server defaults before it validates.
        var cluster = Parse(ValidManifests.Cluster);
        cluster["spec"]!.AsObject().Remove("instances");

        Assert.Empty(Validator.Validate(cluster));
    }

    [Fact]
    public void UnknownKindHasNoSchema()
    {
        var obj = Parse("{apiVersion: apps/v1, kind: Foo, metadata: {name: x}}");

        Assert.Equal(["Foo/x: no schema for apps/v1 Foo"], Validator.Validate(obj));
    }

    [Fact]
    public void VersionThatIsNotServedHasNoSchema()
    {
        var secret = Parse(ValidManifests.ExternalSecret.Replace("external-secrets.io/v1", "external-secrets.io/v1beta1", StringComparison.Ordinal));

        Assert.Equal(
            ["ExternalSecret/linkding-owner: no schema for external-secrets.io/v1beta1 ExternalSecret"],
            Validator.Validate(secret));
    }

    [Fact]
    public void ContainerWithoutNameIsRejected()
    {
        var deployment = Parse(ValidManifests.Deployment);
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject().Remove("name");

        var error = Assert.Single(Validator.Validate(deployment));

        Assert.Equal("Deployment/linkding: spec.template.spec.containers[0].name: required field is missing", error);
    }

    [Fact]
    public void MissingApiVersionOrKindIsAnError()
    {
        var obj = Parse("{kind: Service, metadata: {name: x}}");

        Assert.Equal(["Service/x: apiVersion and kind must both be set to strings"], Validator.Validate(obj));
    }

    [Fact]
    public void CustomResourceMetadataIsValidatedAsObjectMeta()
    {
        var cluster = Parse(ValidManifests.Cluster);
        cluster["metadata"]!["label"] = new JsonObject { ["app"] = "linkding" };
        cluster["metadata"]!["annotations"] = new JsonObject { ["replicas"] = 3 };

        var errors = Validator.Validate(cluster);

        Assert.Contains("Cluster/linkding-db: metadata.label: unknown field", errors);
        Assert.Contains(errors, e => e.StartsWith("Cluster/linkding-db: metadata.annotations.replicas: expected string", StringComparison.Ordinal));
    }

    [Fact]
    public void EmbeddedMetadataWithoutPropertiesInACrdIsClosed()
    {
        // CNPG declares this metadata as a bare object, so the API server prunes anything put in it.
        var cluster = Parse(ValidManifests.Cluster);
        cluster["spec"]!["ephemeralVolumeSource"] = JsonNode.Parse(
            """{"volumeClaimTemplate": {"metadata": {"labels": {"a": "b"}}, "spec": {"accessModes": ["ReadWriteOnce"]}}}""");

        var error = Assert.Single(Validator.Validate(cluster));

        Assert.Equal("Cluster/linkding-db: spec.ephemeralVolumeSource.volumeClaimTemplate.metadata.labels: unknown field", error);
    }

    [Theory]
    [InlineData("minAvailable: 1", true)]
    [InlineData("minAvailable: '50%'", true)]
    [InlineData("minAvailable: true", false)]
    [InlineData("maxUnavailable: [1]", false)]
    public void IntOrStringAcceptsIntegersAndStringsOnly(string field, bool valid)
    {
        var pdb = Parse($$"""
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: pdb}
            spec:
              {{field}}
              selector:
                matchLabels: {app: x}
            """);

        var errors = Validator.Validate(pdb);

        Assert.Equal(valid, errors.Count == 0);
        if (!valid)
        {
            Assert.Contains("expected integer or string", Assert.Single(errors), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("cpu: 1", true)]
    [InlineData("cpu: 0.5", true)]
    [InlineData("memory: 1Gi", true)]
    [InlineData("memory: {size: 1Gi}", false)]
    public void QuantityAcceptsNumbersAndStrings(string request, bool valid)
    {
        var deployment = Parse(ValidManifests.Deployment);
        var requests = Parse($"{{{request}}}");
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!["requests"] = requests;

        Assert.Equal(valid, Validator.Validate(deployment).Count == 0);
    }

    [Fact]
    public void SecretDataMustBeBase64()
    {
        var secret = Parse("{apiVersion: v1, kind: Secret, metadata: {name: s}, data: {good: aGVsbG8=, bad: 'not base64!'}}");

        var error = Assert.Single(Validator.Validate(secret));

        Assert.Equal("Secret/s: data.bad: string \"not base64!\" is not base64-encoded data", error);
    }

    [Fact]
    public void PreserveUnknownFieldsAllowsAnyContent()
    {
        var application = Parse("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: app, namespace: argocd}
            spec:
              project: default
              destination: {server: https://kubernetes.default.svc, namespace: x}
              source:
                repoURL: https://charts.example.com
                chart: thing
                targetRevision: 1.0.0
                helm:
                  valuesObject:
                    anything: {goes: [1, true, here]}
            """);

        Assert.Empty(Validator.Validate(application));
    }

    [Fact]
    public void EnumAndPatternViolationsAreReported()
    {
        var store = Parse(ValidManifests.ObjectStore);
        store["spec"]!["configuration"]!["wal"]!["compression"] = "zip";
        store["spec"]!["retentionPolicy"] = "30 days";

        var errors = Validator.Validate(store);

        Assert.Contains(errors, e => e.StartsWith("ObjectStore/linkding-store: spec.configuration.wal.compression: string \"zip\" is not one of [", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("ObjectStore/linkding-store: spec.retentionPolicy: string \"30 days\" does not match pattern", StringComparison.Ordinal));
    }

    [Fact]
    public void KindsIncludeBuiltInsAndServedCustomResources()
    {
        var kinds = Validator.Kinds;

        Assert.Contains("apps/v1 Deployment", kinds);
        Assert.Contains("v1 Service", kinds);
        Assert.Contains("postgresql.cnpg.io/v1 Cluster", kinds);
        Assert.Contains("external-secrets.io/v1 ExternalSecret", kinds);
        Assert.DoesNotContain("external-secrets.io/v1beta1 ExternalSecret", kinds);
    }

    private static JsonObject Parse(string yaml) =>
        YamlJson.ParseDocument(yaml) as JsonObject ?? throw new InvalidOperationException("fixture is not a mapping");
}
