using Dispatch.Tests.Fixtures.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Fixtures.Hosting;

/// <summary>What a <see cref="LocalWebApp"/> starts with, where test systems differ.</summary>
public sealed record WebAppSettings
{
    /// <summary>The host environment: Development (demo accounts) unless a test needs Production.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>More command-line settings, e.g. --contentRoot so the static UI is served.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>
    /// The suite signs in as the same demo accounts from 127.0.0.1 many times: the rate limits are raised out of its way
    /// (<see cref="LocalWebApp.RaisedRateLimits"/>) unless a test measures them.
    /// </summary>
    public bool RaiseRateLimits { get; init; } = true;

    /// <summary>Services a test replaces after the app's own (e.g. a FakeTimeProvider).</summary>
    public Action<IServiceCollection>? ReplaceServices { get; init; }

    /// <summary>When given, every line from Information up goes there as well, from the moment the app is built.</summary>
    public CapturedLogs? Logs { get; init; }

    /// <summary>The cluster's mutual-TLS certificates and the data-protection certificate.</summary>
    public TestCertificates Certificates { get; init; } = TestCertificates.Shared;
}
