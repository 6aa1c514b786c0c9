using System.Text.Json;
using System.Text.Json.Nodes;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Components.Settings;

/// <summary>Reads stack config from the two places Pulumi keeps it: a stack file, and the compiler's <c>PULUMI_CONFIG</c>.</summary>
public static class StackConfigSources
{
    /// <summary>The file name of stack <paramref name="stack"/>'s settings.</summary>
    public static string FileName(string stack) => $"Pulumi.{stack}.yaml";

    /// <summary>Reads the <c>config:</c> map of a stack file.</summary>
    public static IReadOnlyDictionary<string, JsonNode?> FromStackFile(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new SettingsException($"stack file {path} does not exist. Fix: create {name} with a 'config:' map (see README.md, 'Stack settings'), or pass --project-dir");
        }

        JsonNode? root;
        try
        {
            root = YamlReader.Read(InputFiles.ReadText(path, name, YamlLimits.StackFile), YamlLimits.StackFile);
        }
        catch (InputFileException e)
        {
            throw new SettingsException(e.Message, unreadable: true);
        }
        catch (YamlLimitException e)
        {
            throw new SettingsException($"{name}:{e.Line}:{e.Column}: input limit exceeded: {e.Problem} (README, 'Limits'). Fix: a stack file lists settings, not data; remove what repeats", unreadable: true);
        }
        catch (YamlFormatException e)
        {
            throw new SettingsException($"{name}:{e.Line}:{e.Column}: malformed YAML: {e.Problem}. Fix: correct the YAML syntax at that line", unreadable: true);
        }

        if (root is null)
        {
            throw new SettingsException($"{name} is empty. Fix: add a 'config:' map (see README.md, 'Stack settings')");
        }

        if (root is not JsonObject top || top["config"] is not JsonObject config)
        {
            throw new SettingsException($"{name} has no 'config:' map. Fix: put the settings under 'config:', e.g. 'config: {{pg-platform:tier: production}}'");
        }

        var extra = top.Select(p => p.Key).FirstOrDefault(k => k is not ("config" or "secretsprovider" or "encryptedkey" or "encryptionsalt" or "environment"));
        if (extra is not null)
        {
            throw new SettingsException($"{name} has an unknown top-level key '{extra}'. Fix: put settings under 'config:'");
        }

        return config.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);
    }

    /// <summary>Reads <c>PULUMI_CONFIG</c>: a JSON object of config keys to values.</summary>
    public static IReadOnlyDictionary<string, JsonNode?> FromPulumiConfig(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new SettingsException("PULUMI_CONFIG is not set. Fix: run compile through Pulumi (pulumi up), or set PULUMI_CONFIG to the stack's config as JSON, e.g. '{\"pg-platform:tier\":\"production\",...}'");
        }

        try
        {
            return JsonNode.Parse(json) is JsonObject obj
                ? obj.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal)
                : throw new SettingsException("PULUMI_CONFIG is not a JSON object. Fix: set it to the stack's config as a JSON object");
        }
        catch (JsonException e)
        {
            throw new SettingsException($"PULUMI_CONFIG is not valid JSON ({e.Message}). Fix: set it to the stack's config as a JSON object");
        }
    }

    /// <summary>
    /// Converts a stack file's config to what Pulumi passes in <c>PULUMI_CONFIG</c>: every value a
    /// string, structured values as their JSON text.
    /// </summary>
    public static string ToPulumiConfigJson(IReadOnlyDictionary<string, JsonNode?> config)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in config.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            obj[key] = value switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                null => "",
                _ => value.ToJsonString(),
            };
        }

        return obj.ToJsonString();
    }
}
