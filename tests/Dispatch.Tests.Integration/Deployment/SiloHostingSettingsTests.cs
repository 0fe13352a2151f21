using Dispatch.Schema;
using Dispatch.Silo.Hosting;
using FluentAssertions;
using Microsoft.Extensions.Configuration;

namespace Dispatch.Tests.Integration.Deployment;

/// <summary>The silo's switches for container and Kubernetes hosting (Orleans:Kubernetes, Health:Port).</summary>
public sealed class SiloHostingSettingsTests
{
    [Fact]
    public void Kubernetes_hosting_is_off_unless_switched_on()
    {
        SiloEndpointSettings.From(Configuration()).Kubernetes.Should().BeFalse();
        SiloEndpointSettings.From(Configuration(("Orleans:Kubernetes", "true"))).Kubernetes.Should().BeTrue();
        SiloEndpointSettings.From(Configuration(("Orleans:Kubernetes", "False"))).Kubernetes.Should().BeFalse();
    }

    [Fact]
    public void A_Kubernetes_switch_that_is_not_a_boolean_stops_the_start_naming_the_setting()
    {
        var read = () => SiloEndpointSettings.From(Configuration(("Orleans:Kubernetes", "yes")));

        read.Should().Throw<StartupConfigurationException>().WithMessage("Orleans:Kubernetes 'yes' is not true or false.");
    }

    [Fact]
    public void Health_probes_open_a_port_only_when_one_is_configured()
    {
        SiloHealthSettings.From(Configuration()).Port.Should().BeNull();
        SiloHealthSettings.From(Configuration(("Health:Port", "8081"))).Port.Should().Be(8081);
        var read = () => SiloHealthSettings.From(Configuration(("Health:Port", "80000")));
        read.Should().Throw<StartupConfigurationException>().WithMessage("Health:Port '80000' is not a TCP port (1-65535).");
    }

    [Fact]
    public void Kubernetes_hosting_outside_a_pod_stops_the_start_naming_what_is_missing()
    {
        var outside = () => SiloClusterHosting.CheckKubernetesEnvironment(_ => null);
        var withoutPodName = () => SiloClusterHosting.CheckKubernetesEnvironment(name => name == "KUBERNETES_SERVICE_HOST" ? "10.96.0.1" : null);
        var inPod = () => SiloClusterHosting.CheckKubernetesEnvironment(name => name is "KUBERNETES_SERVICE_HOST" or "POD_NAME" ? "x" : null);

        outside.Should().Throw<StartupConfigurationException>().WithMessage("Orleans:Kubernetes is true but KUBERNETES_SERVICE_HOST and POD_NAME are not set*");
        withoutPodName.Should().Throw<StartupConfigurationException>().WithMessage("Orleans:Kubernetes is true but POD_NAME is not set*");
        inPod.Should().NotThrow();
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
