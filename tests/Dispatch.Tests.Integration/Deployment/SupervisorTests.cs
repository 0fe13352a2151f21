using FluentAssertions;

namespace Dispatch.Tests.Integration.Deployment;

/// <summary>deploy/supervise.sh, which deploy/run.sh runs every silo and web process under.</summary>
public sealed class SupervisorTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private readonly string folder = Directory.CreateTempSubdirectory("dispatch-supervise-").FullName;

    private string Runs => Path.Combine(folder, "runs");

    private string ChildPid => Path.Combine(folder, "pid");

    [Fact]
    public async Task A_process_killed_with_SIGKILL_is_started_again_with_a_growing_back_off_and_SIGTERM_stops_it_for_good()
    {
        // The child counts its runs and kills itself with SIGKILL on the first two, as a crash would end it.
        using var supervisor = Supervise("crashy", $"echo run >> {Runs}; echo $$ > {ChildPid}; [ $(wc -l < {Runs}) -lt 3 ] && kill -9 $$; exec sleep 600");

        await Eventually.Get(() => Task.FromResult(RunCount()), count => count == 3, Within, "a third run of the child");
        var child = int.Parse(File.ReadAllText(ChildPid).Trim());
        await Eventually.Get(() => Task.FromResult(supervisor.Output), o => o.Contains("restart 2", StringComparison.Ordinal), Within, "the second restart logged");

        // How long each short run lasted depends on the machine's load; the back-off it brings does not.
        supervisor.Output.Should().MatchRegex(@"crashy: was killed by signal 9 after [0-9]+ s; restarting in 1 s \(restart 1\)")
            .And.MatchRegex(@"crashy: was killed by signal 9 after [0-9]+ s; restarting in 2 s \(restart 2\)");
        IsRunning(child).Should().BeTrue("the third run stays up");

        await supervisor.TerminateAsync();
        (await supervisor.WaitForExitAsync(Within)).Should().Be(0);
        IsRunning(child).Should().BeFalse("stopping the supervisor stops its process");
        RunCount().Should().Be(3, "nothing is started after a stop");
    }

    [Fact]
    public async Task A_start_up_failure_the_process_reports_with_exit_code_2_is_not_retried()
    {
        using var supervisor = Supervise("misconfigured", $"echo run >> {Runs}; echo 'FATAL Configuration error: ...'; exit 2");

        (await supervisor.WaitForExitAsync(Within)).Should().Be(2);

        RunCount().Should().Be(1);
        supervisor.Output.Should().Contain("misconfigured: exited with code 2 (a start-up failure it reported); not restarting");
    }

    [Fact]
    public async Task Run_sh_starts_every_process_under_the_supervisor()
    {
        var runScript = await File.ReadAllTextAsync(DeploymentFiles.PathOf("deploy", "run.sh"));

        runScript.Should().Contain("exec bash \"$root/deploy/supervise.sh\" \"$name\" \"$@\"");
        runScript.Should().NotContain("a process exited; stopping the rest", "a crashed process no longer stops the system");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private CommandLine Supervise(string name, string script) =>
        CommandLine.Start("bash", [DeploymentFiles.PathOf("deploy", "supervise.sh"), name, "bash", "-c", script], folder,
            new Dictionary<string, string?> { ["SUPERVISE_FIRST_DELAY"] = "1", ["SUPERVISE_STOP_SECONDS"] = "5" });

    private int RunCount() => File.Exists(Runs) ? File.ReadAllLines(Runs).Length : 0;

    private static bool IsRunning(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);
}
