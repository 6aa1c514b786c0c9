using PgPlatform.Components.Model;

namespace PgPlatform.Components.Day2;

/// <summary>A container image pinned to a tag; <c>latest</c> and a missing tag are refused.</summary>
public sealed record ContainerImage
{
    /// <summary>Creates a pinned image reference.</summary>
    public ContainerImage(string repository, string tag)
    {
        if (string.IsNullOrWhiteSpace(repository) || repository[(repository.LastIndexOf('/') + 1)..].Contains(':', StringComparison.Ordinal))
        {
            throw new DeclarationException($"image repository '{repository}' is not a repository name", "write the repository without a tag, e.g. 'sissbruecker/linkding'");
        }

        if (string.IsNullOrWhiteSpace(tag) || tag == "latest")
        {
            throw new DeclarationException($"image '{repository}' is not pinned (tag '{tag}')", "pin a release tag, e.g. '1.42.0'");
        }

        Repository = repository;
        Tag = tag;
    }

    /// <summary>Repository, e.g. <c>sissbruecker/linkding</c>.</summary>
    public string Repository { get; }

    /// <summary>Release tag.</summary>
    public string Tag { get; }

    /// <summary><c>repository:tag</c>.</summary>
    public override string ToString() => $"{Repository}:{Tag}";
}
