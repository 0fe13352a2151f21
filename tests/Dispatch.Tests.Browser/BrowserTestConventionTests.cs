using FluentAssertions;

namespace Dispatch.Tests.Browser;

/// <summary>Every test class that drives the browser closes what it opened, by deriving from <see cref="BrowserTest"/>.</summary>
public sealed class BrowserTestConventionTests
{
    [Fact]
    public void Every_class_given_the_browser_system_is_a_browser_test()
    {
        var drivers = typeof(BrowserTest).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(BrowserSystem))))
            .ToList();

        drivers.Should().NotBeEmpty();
        drivers.Where(t => !t.IsSubclassOf(typeof(BrowserTest))).Select(t => t.Name).Should().BeEmpty();
    }
}
