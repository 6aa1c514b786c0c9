using System.Text.RegularExpressions;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP015: images are pinned to a tag other than <c>latest</c>, or to a digest.</summary>
public sealed partial class ImagesPinnedRule : ContractRule
{
    /// <summary>A pinned image: <c>repo:tag</c> (tag not latest) or <c>repo@sha256:...</c>. The CEL uses the same expressions.</summary>
    public const string TaggedPattern = "^([^/]+/)*[^/:@]+:[^/:@]+$";

    /// <summary>An image pinned by digest.</summary>
    public const string DigestPattern = "^[^@]+@sha256:[0-9a-f]{64}$";

    private static readonly string CelPinned = $"(x.matches({CelText.Quote(DigestPattern)}) || (x.matches({CelText.Quote(TaggedPattern)}) && !x.endsWith(':latest')))";

    /// <inheritdoc />
    public override string Id => "PGP015";

    /// <inheritdoc />
    public override string Title => "Images are pinned (no :latest, no missing tag)";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        $"(object.kind != 'Cluster' || (has(object.spec.imageName) && [object.spec.imageName].all(x, {CelPinned})) || has(object.spec.imageCatalogRef))"
        + $" && (object.kind == 'Cluster' || (object.spec.template.spec.containers.all(c, [c.image].all(x, {CelPinned}))"
        + $" && (!has(object.spec.template.spec.initContainers) || object.spec.template.spec.initContainers.all(c, [c.image].all(x, {CelPinned})))))",
        "PGP015: images must be pinned to a release tag (not latest) or a digest",
        [AdmissionResource.Cluster, .. AdmissionResource.Workloads]);

    /// <summary>True when <paramref name="image"/> is pinned.</summary>
    public static bool IsPinned(string image) => Digest().IsMatch(image) || Tagged().IsMatch(image) && !image.EndsWith(":latest", StringComparison.Ordinal);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind))
        {
            var image = JsonPath.String(manifest.Element, "spec.imageName");
            if (image is null && JsonPath.Get(manifest.Element, "spec.imageCatalogRef") is null)
            {
                yield return Violation(manifest, "spec.imageName", "not set, so the PostgreSQL version changes whenever the operator is upgraded", "set spec.imageName to a pinned image, e.g. ghcr.io/cloudnative-pg/postgresql:17.6-standard-bookworm");
            }
            else if (image is not null && !IsPinned(image))
            {
                yield return Violation(manifest, "spec.imageName", $"'{image}' is not pinned", "use a release tag other than latest, or a digest");
            }

            yield break;
        }

        if (Kinds.PodSpec(manifest) is not { } pod)
        {
            yield break;
        }

        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var (index, container) in JsonPath.Objects(pod.Spec, list))
            {
                var image = JsonPath.String(container, "image") ?? "";
                if (!IsPinned(image))
                {
                    yield return Violation(manifest, $"{pod.Path}.{list}[{index}].image", $"'{image}' is not pinned", "use a release tag other than latest, or a digest");
                }
            }
        }
    }

    [GeneratedRegex(TaggedPattern)]
    private static partial Regex Tagged();

    [GeneratedRegex(DigestPattern)]
    private static partial Regex Digest();
}
