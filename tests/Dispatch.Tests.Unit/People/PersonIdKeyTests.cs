using System.Text.RegularExpressions;
using Dispatch.People;
using FluentAssertions;

namespace Dispatch.Tests.Unit.People;

/// <summary>The opaque person id: the same for the same person, different under another key, and nothing of the number in it.</summary>
public sealed class PersonIdKeyTests
{
    private static readonly PersonIdKey Key = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
    private static readonly PersonIdKey OtherKey = new([.. Enumerable.Range(2, 32).Select(i => (byte)i)]);

    [Fact]
    public void The_same_person_always_gets_the_same_id() =>
        Key.Opaque("id:" + IdNumbers.Nanhu1980).Should().Be(new PersonIdKey([.. Enumerable.Range(1, 32).Select(i => (byte)i)]).Opaque("id:" + IdNumbers.Nanhu1980));

    [Fact]
    public void The_id_is_p_and_26_base32_characters() =>
        Key.Opaque("phone:13812345678").Should().MatchRegex("^p_[a-z2-7]{26}$");

    [Fact]
    public void Another_installations_key_gives_another_id() =>
        OtherKey.Opaque("id:" + IdNumbers.Nanhu1980).Should().NotBe(Key.Opaque("id:" + IdNumbers.Nanhu1980));

    [Fact]
    public void Different_people_get_different_ids() =>
        Key.Opaque("phone:13812345678").Should().NotBe(Key.Opaque("phone:13812345679"));

    [Fact]
    public void No_run_of_the_numbers_digits_shows_in_the_id()
    {
        foreach (var raw in new[] { "id:" + IdNumbers.Nanhu1980, "phone:13812345678", "phone:0573-82345678" })
        {
            var opaque = Key.Opaque(raw);
            var digits = Regex.Replace(raw, "[^0-9]", "");
            opaque.Should().NotContainAny(Enumerable.Range(0, digits.Length - 3).Select(i => digits.Substring(i, 4)), $"{opaque} must carry nothing of {raw}");
            opaque.Should().NotContainAny("0", "1", "8", "9");
        }
    }

    [Fact]
    public void Of_names_the_person_by_the_resident_id_when_known_else_by_the_phone()
    {
        Key.Of(IdNumbers.Nanhu1980, "13812345678").Should().Be(Key.Opaque("id:" + IdNumbers.Nanhu1980));
        Key.Of(null, "13812345678").Should().Be(Key.Opaque("phone:13812345678"));
    }

    [Fact]
    public void An_id_that_is_already_opaque_stays_as_it_is()
    {
        var opaque = Key.Opaque("phone:13812345678");

        Key.Opaque(opaque).Should().Be(opaque);
    }

    [Fact]
    public void A_short_key_is_refused() => FluentActions.Invoking(() => new PersonIdKey(new byte[8])).Should().Throw<ArgumentException>();
}
