using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dispatch.Tests.Resilience.Harness;

/// <summary>
/// One real process of the system (<c>dotnet Dispatch.Silo.dll</c> or <c>dotnet Dispatch.Web.dll</c>) started the way
/// deploy/run.sh starts it: in its project folder, configured by environment variables. Its output is kept (the last
/// lines) for a failing test's report. Every child is killed when it is disposed, and when the test process exits.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 200;
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var child in Running.Values)
        {
            TryKill(child);
        }
    };

    private ChildProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the process wrote, standard output and error together.</summary>
    public IReadOnlyList<string> Output => [.. lines];

    /// <param name="name">How the figures and a failure report name it, e.g. silo-2.</param>
    /// <param name="dll">The Release output to run with the same dotnet host as the tests.</param>
    /// <param name="workingDirectory">The project folder, like deploy/run.sh (its appsettings.json is the content root's).</param>
    /// <param name="environment">Variables set for the child on top of the tests' own; a null value removes one.</param>
    public static ChildProcess Start(string name, string dll, string workingDirectory, IReadOnlyDictionary<string, string?> environment,
        params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL: the process gets no chance to close connections, leave the cluster or flush anything.</summary>
    public async Task KillAsync()
    {
        TryKill(process);
        await process.WaitForExitAsync();
        Running.TryRemove(process.Id, out _);
    }

    public void Dispose()
    {
        TryKill(process);
        process.WaitForExit(10_000);
        Running.TryRemove(process.Id, out _);
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lines.Enqueue(line);
        while (lines.Count > KeptLines && lines.TryDequeue(out _))
        {
        }
    }

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>The dotnet host that runs the tests (the CLI names it in DOTNET_HOST_PATH), else dotnet on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
