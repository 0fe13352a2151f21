using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Dispatch.Tests.Integration.Deployment;

/// <summary>The documents of one YAML file as plain maps, lists and strings (merge keys `<<` resolved), with a path for failure messages.</summary>
public sealed class YamlFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    private YamlFile(string path, IReadOnlyList<YamlNode> documents) => (Path, Documents) = (path, documents);

    public string Path { get; }

    public IReadOnlyList<YamlNode> Documents { get; }

    public static YamlFile Load(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var documents = new List<YamlNode>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var value = Deserializer.Deserialize<object?>(parser);
            if (value is not null)
            {
                documents.Add(new YamlNode(value, $"{System.IO.Path.GetFileName(path)}#{documents.Count}"));
            }
        }
        return new YamlFile(path, documents);
    }
}

/// <summary>One node of a parsed YAML document; navigation fails with the path it was looking for.</summary>
public sealed class YamlNode(object value, string where)
{
    public object Value { get; } = value;

    public string Where { get; } = where;

    public YamlNode this[string key] => Find(key) ?? throw new KeyNotFoundException($"{Where}: no '{key}'");

    public YamlNode? Find(string key) =>
        Value is IDictionary<object, object> map && map.TryGetValue(key, out var child) && child is not null
            ? new YamlNode(child, $"{Where}.{key}")
            : null;

    public YamlNode? FindPath(params string[] keys)
    {
        var node = this;
        foreach (var key in keys)
        {
            node = node.Find(key);
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    public IReadOnlyList<YamlNode> Items => Value is IList<object> list
        ? [.. list.Select((item, i) => new YamlNode(item, $"{Where}[{i}]"))]
        : throw new InvalidCastException($"{Where} is not a list");

    public IReadOnlyList<string> Keys => Value is IDictionary<object, object> map
        ? [.. map.Keys.Select(k => k.ToString()!)]
        : throw new InvalidCastException($"{Where} is not a map");

    public string Text => Value as string ?? throw new InvalidCastException($"{Where} is not a scalar");

    public bool IsMap => Value is IDictionary<object, object>;

    public override string ToString() => Where;
}
