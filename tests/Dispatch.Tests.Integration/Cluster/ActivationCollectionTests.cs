using Dispatch.Silo.Hosting;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Dispatch.Tests.Integration.Cluster;

/// <summary>
/// The silo sweeps idle activations in small batches every few seconds instead of Orleans' one burst a minute (the burst
/// of thousands of deactivations was where the live push's slowest seconds fell; see the benchmark in README's "Live
/// supervision: measures and push").
/// </summary>
public sealed class ActivationCollectionTests
{
    [Fact]
    public void Idle_activations_are_swept_every_few_seconds_and_still_kept_for_the_whole_collection_age()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo.AddDispatchProviders("Host=127.0.0.1;Database=not_opened"));
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;

        options.CollectionQuantum.Should().Be(DispatchSiloExtensions.CollectionQuantum);
        options.CollectionQuantum.Should().BeLessThan(GrainCollectionOptions.DEFAULT_COLLECTION_QUANTUM,
            "a sweep a minute deactivates a minute's worth of idle activations at once");
        options.CollectionAge.Should().Be(new GrainCollectionOptions().CollectionAge,
            "only the sweep's rhythm changes, not how long an idle activation is kept");
    }
}
