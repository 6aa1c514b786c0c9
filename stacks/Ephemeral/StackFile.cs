using YamlDotNet.RepresentationModel;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>
/// The <c>config:</c> of a committed stack file (<c>Pulumi.&lt;stack&gt;.yaml</c>) as <c>config set</c> calls:
/// scalars as they are, lists and maps flattened into <c>--path</c> settings (<c>pg-platform:databases[0].name</c>).
/// </summary>
public sealed class StackFile
{
    /// <summary>The key listing the stack's applications.</summary>
    public const string DatabasesKey = "pg-platform:databases";

    /// <summary>The stack's tier key.</summary>
    public const string TierKey = "pg-platform:tier";

    private StackFile(string stack, IReadOnlyList<ConfigSetting> settings, IReadOnlyList<string> applications)
    {
        Stack = stack;
        Settings = settings;
        Applications = applications;
    }

    /// <summary>The stack's name (from the file name).</summary>
    public string Stack { get; }

    /// <summary>Every setting, in file order.</summary>
    public IReadOnlyList<ConfigSetting> Settings { get; }

    /// <summary>The <c>name</c> of each entry of <c>pg-platform:databases</c>, in order.</summary>
    public IReadOnlyList<string> Applications { get; }

    /// <summary>Reads <c>Pulumi.&lt;<paramref name="stack"/>&gt;.yaml</c> in <paramref name="projectDirectory"/>; throws <see cref="FileNotFoundException"/> or <see cref="FormatException"/> naming the file.</summary>
    public static StackFile Read(string projectDirectory, string stack)
    {
        var path = Path.Combine(projectDirectory, $"Pulumi.{stack}.yaml");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"stack file {path} does not exist (stacks are Pulumi.<stack>.yaml in the project directory)", path);
        }

        var yaml = new YamlStream();
        try
        {
            using var reader = new StringReader(File.ReadAllText(path));
            yaml.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"{path}:{e.Start.Line}: malformed YAML: {e.Message}", e);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode) || configNode is not YamlMappingNode config)
        {
            throw new FormatException($"{path} has no 'config:' map");
        }

        var settings = new List<ConfigSetting>();
        foreach (var (key, value) in config.Children)
        {
            Flatten(((YamlScalarNode)key).Value ?? "", value, settings, isPath: false);
        }

        var applications = new List<string>();
        if (config.Children.TryGetValue(new YamlScalarNode(DatabasesKey), out var databases) && databases is YamlSequenceNode list)
        {
            foreach (var entry in list.Children)
            {
                var name = entry is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n is YamlScalarNode s ? s.Value : null;
                applications.Add(!string.IsNullOrWhiteSpace(name) ? name : throw new FormatException($"{path}: an entry of {DatabasesKey} has no name"));
            }
        }

        return new StackFile(stack, settings, applications);
    }

    private static void Flatten(string key, YamlNode node, List<ConfigSetting> settings, bool isPath)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                settings.Add(new ConfigSetting(key, scalar.Value ?? "", IsPath: isPath));
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Flatten($"{key}[{i}]", sequence.Children[i], settings, isPath: true);
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (child, value) in mapping.Children)
                {
                    Flatten($"{key}.{((YamlScalarNode)child).Value}", value, settings, isPath: true);
                }

                break;
        }
    }
}
