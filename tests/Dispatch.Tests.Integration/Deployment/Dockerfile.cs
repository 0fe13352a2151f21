using System.Text.Json;

namespace Dispatch.Tests.Integration.Deployment;

/// <summary>The instructions of one Dockerfile (continuation lines joined, comments dropped), grouped by stage.</summary>
public sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<Instruction> instructions) => Instructions = instructions;

    public IReadOnlyList<Instruction> Instructions { get; }

    public IReadOnlyList<Instruction> FinalStage => [.. Instructions.Skip(Instructions.ToList().FindLastIndex(i => i.Keyword == "FROM"))];

    public IReadOnlyList<Instruction> BuildStage => [.. Instructions.TakeWhile((_, index) => index < Instructions.ToList().FindLastIndex(i => i.Keyword == "FROM"))];

    public static Dockerfile Load(string name)
    {
        var instructions = new List<Instruction>();
        var pending = "";
        foreach (var raw in File.ReadAllLines(DeploymentFiles.PathOf("deploy", "docker", name)))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var whole = (pending + line).Trim();
            pending = "";
            if (whole.Length == 0)
            {
                continue;
            }
            var space = whole.IndexOf(' ');
            instructions.Add(new Instruction(whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim()));
        }
        return new Dockerfile(instructions);
    }

    /// <summary>ENV of the final stage as name → value (the `NAME=value` form).</summary>
    public IReadOnlyDictionary<string, string> FinalEnvironment =>
        FinalStage.Where(i => i.Keyword == "ENV")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);

    /// <summary>The exec form of an instruction, e.g. ENTRYPOINT ["dotnet", "X.dll"].</summary>
    public static IReadOnlyList<string> ExecForm(string arguments)
    {
        var start = arguments.IndexOf('[');
        return JsonSerializer.Deserialize<string[]>(arguments[start..])!;
    }
}

public sealed record Instruction(string Keyword, string Arguments);
