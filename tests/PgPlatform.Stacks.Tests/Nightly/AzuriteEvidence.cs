using Azure.Storage.Blobs;
using PgPlatform.Stacks.Nightly.EvidenceStore;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary>A real Azurite blob service with the drill evidence container, for the evidence store's tests.</summary>
public sealed class AzuriteEvidence : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("evidence-azurite-").FullName;
    private Azurite? _azurite;

    /// <summary>The evidence container.</summary>
    public BlobContainerClient Container => new(_azurite!.ConnectionString(), NightlyEvidence.Container);

    /// <summary>Azurite's connection string (its published development key).</summary>
    public string ConnectionString => _azurite!.ConnectionString();

    public async Task InitializeAsync()
    {
        var launcher = Path.Combine(RepositoryRoot.Find()!, ".tools", "azurite", "node_modules", ".bin", "azurite-blob");
        _azurite = new Azurite(launcher, _root, PortAllocator.Next(), NightlyEvidence.Container, new RunAs(null));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _azurite.StartAsync(timeout.Token);
    }

    public Task DisposeAsync()
    {
        _azurite?.Stop();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
