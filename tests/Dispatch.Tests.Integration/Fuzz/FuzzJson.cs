using System.Globalization;
using System.Text;

namespace Dispatch.Tests.Integration.Fuzz;

/// <summary>
/// JSON written by hand, so that a body can carry what a well-behaved serializer refuses to write: unpaired surrogates,
/// raw control characters, numbers far outside any .NET type, and plain broken syntax.
/// </summary>
public abstract record FuzzJson
{
    public abstract void Write(StringBuilder text);

    public string Text()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    public sealed record Str(string Value) : FuzzJson
    {
        public override void Write(StringBuilder text)
        {
            text.Append('"');
            foreach (var c in Value)
            {
                if (c is '"' or '\\')
                {
                    text.Append('\\').Append(c);
                }
                else if (c < ' ' || char.IsSurrogate(c) || c is >= '\u007F' and <= '\u009F')
                {
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append(c);
                }
            }
            text.Append('"');
        }
    }

    /// <summary>A number, a literal or broken syntax, written exactly as given.</summary>
    public sealed record Raw(string Value) : FuzzJson
    {
        public override void Write(StringBuilder text) => text.Append(Value);
    }

    public sealed record Obj(IReadOnlyList<KeyValuePair<string, FuzzJson>> Fields) : FuzzJson
    {
        public override void Write(StringBuilder text)
        {
            text.Append('{');
            for (var i = 0; i < Fields.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }
                new Str(Fields[i].Key).Write(text);
                text.Append(':');
                Fields[i].Value.Write(text);
            }
            text.Append('}');
        }
    }

    public sealed record Arr(IReadOnlyList<FuzzJson> Items) : FuzzJson
    {
        public override void Write(StringBuilder text)
        {
            text.Append('[');
            for (var i = 0; i < Items.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }
                Items[i].Write(text);
            }
            text.Append(']');
        }
    }
}
