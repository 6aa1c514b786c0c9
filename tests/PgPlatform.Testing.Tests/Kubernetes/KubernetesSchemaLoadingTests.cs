using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PgPlatform.Testing.Kubernetes;
using PgPlatform.Testing.Yaml;
using Xunit.Abstractions;

namespace PgPlatform.Testing.Tests.Kubernetes;

public sealed class KubernetesSchemaLoadingTests(ITestOutputHelper output)
{
    [Fact]
    public void EverySchemaCompilesAndItsPatternsAreValidDotNetRegexes()
    {
        var clock = Stopwatch.StartNew();
        var validator = KubernetesSchemaValidator.Load(SharedSchemas.Root);
        var loaded = clock.Elapsed;

        var compiled = validator.CompileAll();
        output.WriteLine($"load {loaded.TotalMilliseconds:F0} ms, compile {compiled} kinds {(clock.Elapsed - loaded).TotalMilliseconds:F0} ms");

        Assert.Equal(validator.Kinds.Count, compiled);
        Assert.All(validator.Patterns(), p => _ = new Regex(p));
    }

    [Fact]
    public void SharedIsOneValidatorOfTheRepositorysSchemasForEveryThread()
    {
        var seen = new ConcurrentBag<KubernetesSchemaValidator>();
        Parallel.For(0, 16, _ => seen.Add(KubernetesSchemaValidator.Shared));
        var shared = seen.First();
        Assert.All(seen, v => Assert.Same(shared, v));

        var cluster = (JsonObject)YamlJson.ParseDocument(ValidManifests.Cluster)!;
        Assert.Empty(shared.Validate(cluster));
        cluster["spec"]!["instances"] = "three";
        Assert.NotEmpty(shared.Validate(cluster));
    }

    [Fact]
    public void ValidatesThousandsOfObjectsConcurrently()
    {
        var validator = KubernetesSchemaValidator.Shared;
        var templates = ValidManifests.All.Select(y => (JsonObject)YamlJson.ParseDocument(y)!).ToList();
        foreach (var template in templates)
        {
            Assert.Empty(validator.Validate(template));
        }

        var clock = Stopwatch.StartNew();
        var failures = 0;
        Parallel.For(0, 3000, i =>
        {
            if (validator.Validate(templates[i % templates.Count]).Count != 0)
            {
                Interlocked.Increment(ref failures);
            }
        });
        output.WriteLine($"3000 objects validated in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(0, failures);
    }

    [Fact]
    public void LoadFailsClearlyForAFolderWithoutSchemas()
    {
        var empty = Directory.CreateTempSubdirectory("pgp-schemas-");
        try
        {
            var error = Assert.Throws<DirectoryNotFoundException>(() => KubernetesSchemaValidator.Load(empty.FullName));

            Assert.Contains("kubernetes/", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
