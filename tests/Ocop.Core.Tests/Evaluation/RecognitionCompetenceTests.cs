using System.Globalization;
using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

/// <summary>Who may recognise which star on which day, with the score in the star's band and a deciding unit alive that day.</summary>
public class RecognitionCompetenceTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, DecidingUnit?> Units = new()
    {
        ["district"] = new DecidingUnit("Huyện Châu Thành", D("2008-01-01"), D("2025-06-30")),
        ["tra-vinh"] = new DecidingUnit("Tỉnh Trà Vinh", D("2008-01-01"), D("2025-06-30")),
        ["vinh-long"] = new DecidingUnit("Tỉnh Vĩnh Long", D("2025-07-01"), null),
        ["ministry"] = null,
    };

    [Theory]
    // 148 as issued: district 3★, province 4★, centre 5★.
    [InlineData(EvaluationLevel.District, 3, "2024-05-10", "district", null, "148/2023", null)]
    [InlineData(EvaluationLevel.District, 4, "2024-05-10", "district", null, "148/2023", "do cấp tỉnh công nhận")]
    [InlineData(EvaluationLevel.Province, 4, "2024-05-10", "tra-vinh", null, "148/2023", null)]
    [InlineData(EvaluationLevel.Province, 5, "2024-05-10", "tra-vinh", null, "148/2023", "do cấp trung ương công nhận")]
    [InlineData(EvaluationLevel.Central, 5, "2024-05-10", "ministry", null, "148/2023", null)]
    [InlineData(EvaluationLevel.District, 3, "2025-06-30", "district", null, "148/2023", null)]          // the districts' last day
    [InlineData(EvaluationLevel.Province, 3, "2025-06-30", "tra-vinh", null, "148/2023", "do cấp huyện công nhận")]
    // 1 July 2025: districts abolished, 148 still in force until 5 July.
    [InlineData(EvaluationLevel.District, 3, "2025-07-01", "district", null, "148/2023", "chấm dứt hoạt động sau ngày 30/06/2025")]
    [InlineData(EvaluationLevel.Province, 4, "2025-07-01", "vinh-long", null, "148/2023", null)]
    [InlineData(EvaluationLevel.Province, 4, "2025-07-01", "tra-vinh", null, "148/2023", "Tỉnh Trà Vinh chấm dứt hoạt động")]
    // 6 July 2025: 1489, two levels.
    [InlineData(EvaluationLevel.Province, 3, "2025-07-06", "vinh-long", null, "1489/2025", null)]
    [InlineData(EvaluationLevel.District, 3, "2025-07-06", "district", null, "1489/2025", "không có cấp huyện")]
    [InlineData(EvaluationLevel.Province, 5, "2025-07-06", "vinh-long", null, "1489/2025", "do cấp trung ương công nhận")]
    [InlineData(EvaluationLevel.Central, 5, "2025-07-06", "ministry", null, "1489/2025", null)]
    [InlineData(EvaluationLevel.Province, 4, "2026-05-21", "vinh-long", null, "1489/2025", null)]
    // 22 May 2026: 26/2026.
    [InlineData(EvaluationLevel.Province, 4, "2026-05-22", "vinh-long", 7150, "26/2026", null)]
    [InlineData(EvaluationLevel.Province, 3, "2026-05-22", "vinh-long", 4500, "26/2026", "Hạng 3 sao cần từ 50 điểm; điểm 45 chỉ đạt 2 sao.")]
    [InlineData(EvaluationLevel.Province, 4, "2026-05-22", "vinh-long", 9500, "26/2026", null)]          // a 5★ score capped to 4★ by a minimum
    [InlineData(EvaluationLevel.Province, 4, "2026-06-01", "vinh-long", 6999, "26/2026", "Hạng 4 sao cần từ 70 điểm; điểm 69,99 chỉ đạt 3 sao.")]
    [InlineData(EvaluationLevel.Province, 5, "2026-06-01", "vinh-long", 9200, "26/2026", "do cấp trung ương công nhận")]
    [InlineData(EvaluationLevel.District, 3, "2026-06-01", "district", null, "26/2026", "chấm dứt hoạt động sau ngày 30/06/2025")]
    [InlineData(EvaluationLevel.Province, 2, "2026-06-01", "vinh-long", null, "26/2026", "chỉ công nhận từ 3 sao")]
    [InlineData(EvaluationLevel.Province, 4, "2023-01-10", "tra-vinh", null, null, "chưa có quy trình")]
    public void A_recognition_is_checked_against_the_process_in_force_on_its_date(
        EvaluationLevel level, int stars, string signedOn, string unit, int? score, string? process, string? refusal)
    {
        var verdict = RecognitionCompetence.Check(new RecognitionRequest(level, stars, D(signedOn), score, Units[unit]),
            EvaluationProcesses.All, LegalBases.All);

        Assert.Equal(process, verdict.Process?.Code);
        if (refusal is null)
        {
            Assert.True(verdict.Allowed, string.Join(" | ", verdict.Refusals));
        }
        else
        {
            Assert.Contains(verdict.Refusals, r => r.Contains(refusal, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("1489/2025", "2026-06-10", "1489/2025")]   // a round of 1489 finishes under it in the transition (to 21/07/2026)
    [InlineData("1489/2025", "2026-07-22", "26/2026")]     // after it, the process in force decides
    [InlineData("148/2023", "2026-06-10", "26/2026")]      // 148 has no transition under 26/2026: it was replaced in 2025
    [InlineData("26/2026", "2026-12-01", "26/2026")]
    public void A_round_decision_is_checked_under_the_round_process_only_while_the_transition_lets_it_finish(string round, string signedOn, string expected) =>
        Assert.Equal(expected, RecognitionCompetence.ProcessFor(D(signedOn), EvaluationProcesses.All, EvaluationProcesses.ByCode(round))!.Code);
}
