using System.Text.Json.Nodes;

namespace PgPlatform.Testing.Tests.Cel;

/// <summary>Objects for the CEL tests, parsed from JSON text so numbers keep their written form.</summary>
internal static class CelFixtures
{
    /// <summary>A CloudNativePG Cluster with a backup section, labels and two containers.</summary>
    public static JsonObject Cluster(int instances = 3) => JsonNode.Parse($$"""
        {
          "apiVersion": "postgresql.cnpg.io/v1",
          "kind": "Cluster",
          "metadata": {
            "name": "linkding-db",
            "namespace": "linkding",
            "labels": {"app.kubernetes.io/name": "linkding", "tier": "db"}
          },
          "spec": {
            "instances": {{instances}},
            "cpuRatio": 2.5,
            "storageGrowth": 3.0,
            "backup": {"retentionPolicy": "30d"},
            "containers": [
              {"name": "postgres", "image": "ghcr.io/cloudnative-pg/postgresql:17.5"},
              {"name": "exporter", "image": "quay.io/prometheuscommunity/postgres-exporter:v0.17.1"}
            ],
            "tags": ["a", "b"]
          }
        }
        """)!.AsObject();

    /// <summary><see cref="Cluster"/> without <c>spec.backup</c>.</summary>
    public static JsonObject ClusterWithoutBackup()
    {
        var cluster = Cluster();
        cluster["spec"]!.AsObject().Remove("backup");
        return cluster;
    }

    /// <summary><see cref="Cluster"/> with the given container images instead of the default two.</summary>
    public static JsonObject ClusterWithImages(params string[] images)
    {
        var cluster = Cluster();
        var containers = new JsonArray();
        for (var i = 0; i < images.Length; i++)
        {
            containers.Add(new JsonObject { ["name"] = $"c{i}", ["image"] = images[i] });
        }

        cluster["spec"]!["containers"] = containers;
        return cluster;
    }
}
