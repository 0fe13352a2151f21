using Dispatch.LegalAid;
using Dispatch.Tests.Unit.Items;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;
using V = Dispatch.LegalAid.EligibilityVocabulary;

namespace Dispatch.Tests.Unit.LegalAid;

/// <summary>The eligibility checklist of 《法律援助法》: what it records, what it still lacks, and that a grant waits for it.</summary>
public sealed class EligibilityChecklistTests
{
    private static readonly Dispatch.Identity.Actor Station = Actors.LegalStaff;

    private static CaseBuilder UnderReview() => CaseBuilder.Applied().Accepted();

    private static CaseBuilder Recording(CaseBuilder review, RecordEligibility checklist) =>
        review.Applying(LegalAidRules.RecordEligibility(review.Build(), Station, checklist, review.Clocks));

    [Fact]
    public void A_grant_without_any_checklist_is_a_conflict_naming_every_missing_item_with_its_article()
    {
        var review = UnderReview();

        var error = LegalAidRules.Grant(review.Build(), Station, new CaseNote(null), review.Clocks).ShouldConflict("eligibility_incomplete");

        error.MessageZh.Should().Contain("第三十一条").And.Contain("第三十四条").And.Contain("第三十八条");
        error.MessageEn.Should().Contain("Art. 31").And.Contain("Art. 38");
        error.CurrentStatus.Should().Be(LegalAidStatus.UnderReview);
    }

    [Fact]
    public void A_partial_checklist_is_recorded_and_the_grant_names_only_what_is_still_missing()
    {
        var partial = Recording(UnderReview(), new RecordEligibility { Scope = "labour_relation_or_pay", Means = V.FinancialHardship, Competent = true });

        partial.Build().Eligibility!.Scope.Should().Be("labour_relation_or_pay");
        EligibilityRules.Missing(partial.Build().Eligibility).Should().Equal("meansBasis");
        var error = LegalAidRules.Grant(partial.Build(), Station, new CaseNote(null), partial.Clocks).ShouldConflict("eligibility_incomplete");
        error.MessageZh.Should().Contain("经济困难的认定依据").And.NotContain("援助事项范围");
    }

    [Fact]
    public void Recording_again_replaces_the_whole_checklist()
    {
        var first = Recording(UnderReview(), new RecordEligibility { Scope = "maintenance", Means = V.FinancialHardship, MeansBasis = "持有低保证明" });

        var second = Recording(first, CaseBuilder.CompleteChecklist).Build();

        second.Eligibility!.Scope.Should().Be("labour_relation_or_pay");
        second.Eligibility.MeansBasis.Should().BeNull();
        EligibilityRules.Complete(second.Eligibility).Should().BeTrue();
    }

    [Theory]
    [InlineData(V.FinancialHardship, "meansBasis")]
    [InlineData(V.ExemptMatter, "exemptMatter")]
    [InlineData(V.NotVerified, "exemptPerson")]
    public void Each_means_condition_asks_for_its_own_detail(string means, string detail)
    {
        var recorded = Recording(UnderReview(), new RecordEligibility { Scope = "criminal", Means = means, Competent = true }).Build();

        EligibilityRules.Missing(recorded.Eligibility).Should().Equal(detail);
    }

    [Fact]
    public void An_exemption_under_article_32_needs_no_means_basis_and_completes_the_checklist()
    {
        var recorded = Recording(UnderReview(), new RecordEligibility
        {
            Scope = "maintenance", Means = V.ExemptMatter, ExemptMatter = "abuse_or_domestic_violence", Competent = true,
        });

        var granted = recorded.Applying(LegalAidRules.Grant(recorded.Build(), Station, new CaseNote(null), recorded.Clocks)).Build();

        granted.Status.Should().Be(LegalAidStatus.Granted);
    }

    [Fact]
    public void A_station_that_records_itself_not_competent_cannot_grant()
    {
        var recorded = Recording(UnderReview(), CaseBuilder.CompleteChecklist with { Competent = false });

        EligibilityRules.Missing(recorded.Build().Eligibility).Should().BeEmpty();
        EligibilityRules.Complete(recorded.Build().Eligibility).Should().BeFalse();
        LegalAidRules.Grant(recorded.Build(), Station, new CaseNote(null), recorded.Clocks).ShouldConflict("station_not_competent")
            .MessageZh.Should().Contain("第三十八条");
    }

    [Fact]
    public void Unknown_codes_and_details_that_belong_to_another_means_condition_are_field_errors()
    {
        var review = UnderReview();

        LegalAidRules.RecordEligibility(review.Build(), Station, new RecordEligibility
        {
            Scope = "divorce", Means = V.NotVerified, MeansBasis = "低保证明", ExemptMatter = "good_samaritan", ExemptPerson = "tourist",
        }, review.Clocks).ShouldReportFields(
            ("scope", "unknown_value"), ("meansBasis", "not_applicable"), ("exemptMatter", "not_applicable"), ("exemptPerson", "unknown_value"));
    }

    [Fact]
    public void Only_the_stations_staff_record_the_checklist()
    {
        var review = UnderReview();

        LegalAidRules.RecordEligibility(review.Build(), Actors.Operator, CaseBuilder.CompleteChecklist, review.Clocks)
            .ShouldBeRefused(Dispatch.Errors.DomainErrorKind.Forbidden);
        LegalAidRules.RecordEligibility(review.Build(), Actors.NanhuSupervisor, CaseBuilder.CompleteChecklist, review.Clocks)
            .ShouldBeRefused(Dispatch.Errors.DomainErrorKind.Forbidden);
    }

    [Fact]
    public void The_view_shows_the_checklist_with_what_is_missing()
    {
        var recorded = Recording(UnderReview(), new RecordEligibility { Scope = "survivor_pension", Note = "抚恤金争议" });

        var view = LegalAidViews.From(recorded.Build(), recorded.Clocks).Eligibility!;

        view.Scope.Should().Be("survivor_pension");
        view.Note.Should().Be("抚恤金争议");
        view.Missing.Should().Equal("means", "jurisdiction");
        view.Complete.Should().BeFalse();
    }

    [Fact]
    public void Every_code_of_the_checklist_names_an_article_of_the_law()
    {
        V.ScopeTerms.Concat(V.MeansTerms).Concat(V.ExemptMatterTerms).Concat(V.ExemptPersonTerms)
            .Should().OnlyContain(term => term.ArticleZh.StartsWith('第') && term.ArticleEn.StartsWith("Art"));
    }
}
