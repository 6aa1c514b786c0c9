using System.Text.Json.Nodes;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// The order Pulumi deploys each stack in: a database starts only after its identity can write its archive, because
/// CNPG does not retry the first (<c>immediate</c>) base backup, and Azure role assignments take minutes to apply. Under
/// GitOps delivery the database starts when Argo CD applies it, so the ApplicationSets that make Argo CD apply it wait.
/// </summary>
public sealed class DeploymentOrderTests
{
    private static IEnumerable<(string Name, JsonNode Resource)> Resources(JsonObject program) =>
        program["resources"]!.AsObject().Select(p => (p.Key, p.Value!));

    private static List<string> DependsOn(JsonNode resource) =>
        resource["options"]?["dependsOn"]?.AsArray().Select(d => ((string)d!).Trim('$', '{', '}')).ToList() ?? [];

    private static bool Carries(JsonNode unit, string kind) =>
        (string?)unit["type"] == "kubernetes:yaml/v2:ConfigGroup" && unit["properties"]!["objs"]!.AsArray().Any(o => (string?)o!["kind"] == kind);

    [Theory]
    [MemberData(nameof(StackPrograms.Names), MemberType = typeof(StackPrograms))]
    public void Each_database_starts_after_its_identitys_federated_credential_and_every_role_on_its_containers(string baseStack, string stack)
    {
        var settings = StackPrograms.Settings(baseStack, stack);
        var resources = Resources(StackPrograms.Program(settings)).ToList();
        var clusters = StackPrograms.AllDelivered(settings).Where(o => (string?)o["kind"] == "Cluster").ToList();
        Assert.NotEmpty(clusters);
        foreach (var cluster in clusters)
        {
            // The unit that starts the database: the one that carries it, or, under GitOps delivery, the ApplicationSets'.
            var (name, unit) = resources.Single(r => Carries(r.Resource, "Cluster")
                && r.Resource["properties"]!["objs"]!.AsArray().Any(o => (string?)o!["kind"] == "Cluster" && (string?)o["metadata"]!["name"] == (string?)cluster["metadata"]!["name"])
                || (!resources.Any(x => Carries(x.Resource, "Cluster")) && Carries(r.Resource, "ApplicationSet")));
            var subject = $"system:serviceaccount:{(string?)cluster["metadata"]!["namespace"]}:{(string?)cluster["spec"]!["serviceAccountName"]}";
            var federation = resources.Single(r => (string?)r.Resource["type"] == "azure-native:managedidentity:FederatedIdentityCredential" && (string?)r.Resource["properties"]!["subject"] == subject);
            var identity = ((string)federation.Resource["properties"]!["resourceName"]!).Split('.')[0].TrimStart('$', '{');
            var containers = resources.Where(r => (string?)r.Resource["type"] == "azure-native:authorization:RoleAssignment"
                && r.Resource["properties"]!["principalId"]!.ToJsonString() == JsonValue.Create($"${{{identity}.principalId}}").ToJsonString()).Select(r => r.Resource["properties"]!["scope"]!.ToJsonString()).ToList();
            var roles = resources.Where(r => (string?)r.Resource["type"] == "azure-native:authorization:RoleAssignment"
                && containers.Contains(r.Resource["properties"]!["scope"]!.ToJsonString())).Select(r => r.Name).ToList();
            Assert.NotEmpty(roles);
            var dependsOn = DependsOn(unit);
            Assert.Contains(federation.Name, dependsOn);
            Assert.All(roles, role => Assert.True(dependsOn.Contains(role), $"{stack}: {name} does not wait for {role}"));
        }
    }
}
