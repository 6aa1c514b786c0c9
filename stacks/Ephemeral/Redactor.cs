namespace PgPlatform.Stacks.Ephemeral;

/// <summary>Replaces every secret value (config secrets, the passphrase) in text that may be shown: errors, logs.</summary>
public sealed class Redactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "[secret]";

    private readonly List<string> _secrets = [];

    /// <summary>Adds a value to hide from now on; empty values are ignored (they would mask everything).</summary>
    public void Add(string secret)
    {
        if (secret.Length > 0 && !_secrets.Contains(secret))
        {
            _secrets.Add(secret);
            // Longest first, so a secret containing another is masked whole.
            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    /// <summary><paramref name="text"/> with every secret replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
