using System.Text.Json.Nodes;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Components.Model;

/// <summary>
/// A Kubernetes object: a built-in kind from <c>k8s.Models</c> or one of our typed CRD records.
/// <see cref="Group"/> decides which deployable unit (GitOps folder, Pulumi ConfigGroup) carries it.
/// </summary>
public sealed record KubernetesObjectResource(string Name, string Application, ObjectGroup Group, object Object) : Resource(Name)
{
    private Serialized? _serialized;

    /// <summary>
    /// The object as canonical compact UTF-8 JSON (<see cref="CanonicalJson.ToUtf8"/>), serialized once on first
    /// use and shared by the contract gate and the synthesizers. Synthesis reads a declared model: the object
    /// must not change after its first use here.
    /// </summary>
    public ReadOnlySpan<byte> Utf8Json => Utf8JsonMemory.Span;

    /// <summary><see cref="Utf8Json"/> as memory, for parsers that keep a reference to it (<c>JsonDocument.Parse</c> does not copy it).</summary>
    public ReadOnlyMemory<byte> Utf8JsonMemory
    {
        get
        {
            var serialized = Volatile.Read(ref _serialized);
            if (serialized is null || !ReferenceEquals(serialized.Source, Object))
            {
                serialized = new Serialized(Object, CanonicalJson.ToUtf8(Object));
                Volatile.Write(ref _serialized, serialized);
            }

            return serialized.Utf8;
        }
    }

    /// <summary>The object as a fresh canonical JSON tree that the caller may change (parsed from <see cref="Utf8Json"/>).</summary>
    public JsonObject ToJson() => CanonicalJson.Parse(Utf8Json);

    /// <summary>Equal when the declarations are equal; the serialized form is a cache and does not count.</summary>
    public bool Equals(KubernetesObjectResource? other) =>
        other is not null && base.Equals(other) && Application == other.Application && Group == other.Group && Equals(Object, other.Object);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Application, Group, Object);

    /// <summary>The serialized form of one object instance (a <c>with</c> copy given another object serializes anew).</summary>
    private sealed record Serialized(object Source, byte[] Utf8);
}
