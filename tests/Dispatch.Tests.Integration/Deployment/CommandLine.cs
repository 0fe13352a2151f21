using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dispatch.Tests.Integration.Deployment;

/// <summary>A child process of a deployment test (dotnet publish, a published silo, bash): its output kept for the failure message, killed when disposed.</summary>
public sealed class CommandLine : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private CommandLine(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output => string.Join('\n', lines);

    public static CommandLine Start(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
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
        var process = new Process { StartInfo = start };
        var command = new CommandLine(process);
        process.OutputDataReceived += (_, e) => command.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => command.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return command;
    }

    /// <summary>Runs to the end; fails with the output when it takes longer than <paramref name="within"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory,
        TimeSpan within, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var command = Start(program, arguments, workingDirectory, environment);
        var exitCode = await command.WaitForExitAsync(within);
        return (exitCode, command.Output);
    }

    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} did not end within {within.TotalSeconds:0} s:\n{Output}");
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as a service manager or `docker stop` does.</summary>
    public async Task TerminateAsync()
    {
        var (code, output) = await RunAsync("bash", ["-c", $"kill -TERM {process.Id}"], "/", TimeSpan.FromSeconds(10));
        if (code != 0 && !process.HasExited)
        {
            throw new InvalidOperationException("kill -TERM failed: " + output);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lines.Enqueue(line);
        while (lines.Count > 300 && lines.TryDequeue(out _))
        {
        }
    }
}
