namespace PgPlatform.Components.Model;

/// <summary>A value that only exists after deployment: property <see cref="Property"/> of resource <see cref="Resource"/>.</summary>
public sealed record OutputReference(string Resource, string Property)
{
    /// <summary>Starts an embedded reference (a private-use character no manifest contains).</summary>
    public const char EmbedStart = '\uE000';

    /// <summary>Ends an embedded reference.</summary>
    public const char EmbedEnd = '\uE001';

    /// <summary>
    /// False when canonical JSON <paramref name="utf8"/> certainly embeds no reference: it holds neither the
    /// start character nor any <c>\u</c> escape (which might hide it). True means the strings must be looked at.
    /// </summary>
    public static bool MayBeEmbeddedIn(ReadOnlySpan<byte> utf8) => utf8.IndexOf(EmbedStartUtf8) >= 0 || utf8.IndexOf("\\u"u8) >= 0;

    private static readonly byte[] EmbedStartUtf8 = System.Text.Encoding.UTF8.GetBytes(EmbedStart.ToString());

    /// <summary>The Pulumi YAML interpolation for this reference.</summary>
    public override string ToString() => $"${{{Resource}.{Property}}}";

    /// <summary>
    /// This reference as text inside a typed Kubernetes object (an annotation, a URL). The Pulumi synthesizer
    /// turns it into an interpolation; objects holding one can only be deployed by Pulumi, never from Git.
    /// </summary>
    public string Embed() => $"{EmbedStart}{Resource}.{Property}{EmbedEnd}";
}
