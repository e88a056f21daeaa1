import { describe, expect, it } from 'vitest';
import { agencyKindOf, fieldCodeOf } from './source-agency.ts';
import { mapChannels, toWorkingDays, whereToSubmit } from './source-channels.ts';
import { cleanGroup, isConditionalText, mapComponents, splitTemplate } from './source-components.ts';
import { legalBasisOf, mapSourceFile, mapSourceProcedure, onlineLevelOf, type SourceProcedure } from './source.ts';

function record(over: Partial<SourceProcedure> = {}): SourceProcedure {
  return {
    code: '9.999999', name: 'Thủ tục thử', field: 'Hộ tịch', level: 'commune',
    issuingMinistry: 'Bộ Tư pháp', agencies: ['Ủy ban nhân dân cấp xã'], agencyType: ['commune_peoples_committee'],
    applicants: 'Công dân Việt Nam', announcedBy: '163/QĐ-BTP', processingDays: null, processingDaysUnit: null,
    feeVND: 0, onlineSubmission: true, onlineLevel: null, channels: [], components: [], componentsRaw: null,
    channelsRaw: null, results: [], requirements: null, sourceUrl: null,
    ...over,
  };
}

const ch = (channel: 'direct' | 'online' | 'postal', time: string | null, timeValue: number | null, timeUnit: string | null) => ({
  channel, time, timeValue, timeUnit, fee: 'Miễn phí', feeUnit: null, feeVND: 0, feeNote: null,
});

const doc = (name: string, group: string | null, originals = 1, copies = 0) => ({ name, form: null, originals, copies, group });

describe('time limits', () => {
  it('reads working days, unknown units, calendar days and hours conservatively', () => {
    expect(toWorkingDays(3, 'Ngày làm việc')).toBe(3);
    expect(toWorkingDays(1, null)).toBe(1);
    expect(toWorkingDays(20, 'Ngày')).toBe(15); // 20 × 5/7 = 14.3 → 15
    expect(toWorkingDays(1, 'Giờ')).toBe(1);
    expect(toWorkingDays(5, null, true)).toBeNull();
    expect(toWorkingDays(null, 'Ngày làm việc')).toBeNull();
  });

  it('merges repeated channel lines keeping the longest limit and every text', () => {
    const [online] = mapChannels(record({ channels: [ch('online', '1 Ngày làm việc', 1, 'Ngày làm việc'), ch('online', '2 Ngày làm việc', 2, 'Ngày làm việc')] }));
    expect(online).toEqual({ channel: 'online', workingDays: 2, timeText: '1 Ngày làm việc; 2 Ngày làm việc', feeVND: 0, feeText: 'Miễn phí' });
    const [direct] = mapChannels(record({ channels: [ch('direct', '7 Ngày làm việc', 7, 'Ngày làm việc'), ch('direct', '1 Giờ', 1, 'Giờ'), ch('direct', '20 Ngày', 20, 'Ngày')] }));
    expect(direct).toMatchObject({ workingDays: 15, workingDaysFrom: 'calendar_days', timeText: '7 Ngày làm việc; 1 Giờ; 20 Ngày' });
  });

  it('falls back to processingDays, else null; drops online when not offered', () => {
    const noTime = ch('direct', null, null, null);
    expect(mapChannels(record({ channels: [noTime], processingDays: 10, processingDaysUnit: 'calendar_days' }))[0])
      .toMatchObject({ workingDays: 8, workingDaysFrom: 'procedure' });
    expect(mapChannels(record({ channels: [noTime] }))[0]?.workingDays).toBeNull();
    expect(mapChannels(record({ onlineSubmission: false, channels: [noTime, ch('online', '1', 1, null)] })).map((c) => c.channel)).toEqual(['direct']);
  });

  it('recovers channels from channelsRaw when the parsed list is empty', () => {
    const raw = 'Trực tuyếnKhôngMiễn phíBằng phương thức điện tửDịch vụ bưu chínhKhôngMiễn phíGửi hồ sơTrực tiếpKhôngMiễn phíNộp hồ sơ';
    expect(mapChannels(record({ channelsRaw: raw, onlineSubmission: false }))).toEqual([
      { channel: 'direct', workingDays: null, timeText: null, feeVND: 0, feeText: 'Miễn phí' },
      { channel: 'postal', workingDays: null, timeText: null, feeVND: 0, feeText: 'Miễn phí' },
    ]);
  });

  it('finds where to submit in the direct channel text', () => {
    const direct = { ...ch('direct', '3 Ngày làm việc', 3, 'Ngày làm việc'), feeNote: '(Thu 10.000 đồng;)- Nộp hồ sơ trực tiếp tại Công an cấp xã. - Thời gian tiếp nhận' };
    expect(whereToSubmit(record({ channels: [direct] }))).toBe('Nộp hồ sơ trực tiếp tại Công an cấp xã');
  });
});

describe('components', () => {
  it('moves a glued template file name to formTemplate', () => {
    expect(splitTemplate('Tờ khai (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA).1.MuCT01banhnhkmtheoThngts53.doc', null))
      .toEqual({ name: 'Tờ khai (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)', formTemplate: '1.MuCT01banhnhkmtheoThngts53.doc' });
    expect(splitTemplate('Đơn xin nhận con nuôi;1.nxinnhnconnui.doc', null)).toEqual({ name: 'Đơn xin nhận con nuôi', formTemplate: '1.nxinnhnconnui.doc' });
    expect(splitTemplate('Giấy đề nghị', null)).toEqual({ name: 'Giấy đề nghị', formTemplate: null });
  });

  it('recognises conditional wording', () => {
    expect(isConditionalText('- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản')).toBe(true);
    expect(isConditionalText('Danh sách chủ sở hữu hưởng lợi (nếu có)')).toBe(true);
    expect(isConditionalText('Văn bản ủy quyền trong trường hợp ủy quyền')).toBe(true);
    expect(isConditionalText('Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản')).toBe(false);
  });

  it('cuts a heading glued behind the previous line counts', () => {
    expect(cleanGroup('Đơn đăng ký theo Mẫu số 181 bản chính,1 bản saob) Đối với trường hợp X')).toBe('b) Đối với trường hợp X');
  });

  it('numbers real documents, drops notes, repairs swallowed counts, flags required', () => {
    const cs = mapComponents(record({
      components: [
        doc('- Giấy chứng sinh', 'Giấy tờ phải nộp'),
        doc('Trường hợp gửi qua bưu chính thì gửi bản sao', null, 0, 0),
        doc('- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản', 'Giấy tờ phải nộp'),
        doc('Đơn đăng ký biến động theo Mẫu số', null, 181, 1),
        doc('Giấy tờ bất kỳ', 'Lưu ý'),
        doc('Đơn đề nghị', 'Trường hợp đặc biệt'),
      ],
    }));
    expect(cs.map((c) => [c.code, c.name, c.originals, c.copies, c.required])).toEqual([
      ['TP01', 'Giấy chứng sinh', 1, 0, true],
      ['TP02', 'Trường hợp trẻ em bị bỏ rơi thì phải có biên bản', 1, 0, false],
      ['TP03', 'Đơn đăng ký biến động theo Mẫu số 18', 1, 1, true],
      ['TP04', 'Giấy tờ bất kỳ', 1, 0, false],
      ['TP05', 'Đơn đề nghị', 1, 0, false],
    ]);
  });

  it('requires one default case when every document sits under a case heading', () => {
    const cs = mapComponents(record({
      name: 'Đăng ký thành lập công ty TNHH một thành viên',
      components: [
        doc('Giấy đề nghị đăng ký doanh nghiệp', 'Trường hợp đăng ký doanh nghiệp xã hội'),
        doc('Giấy đề nghị đăng ký doanh nghiệp', 'Đăng ký thành lập công ty TNHH một thành viên'),
        doc('Điều lệ công ty', 'Đăng ký thành lập công ty TNHH một thành viên'),
        doc('Văn bản ủy quyền', 'Trường hợp ủy quyền cho cá nhân thực hiện thủ tục'),
      ],
    }));
    expect(cs.map((c) => c.required)).toEqual([false, true, true, false]);
  });
});

describe('agency kind, field code, online level, legal basis', () => {
  it('maps the preparer agency types to provincial agency kinds', () => {
    expect(agencyKindOf(record({ level: 'province', field: 'Thành lập và hoạt động của doanh nghiệp', agencies: ['Sở Tài chính các tỉnh, thành phố'], agencyType: ['provincial_department'] }))).toBe('department_finance');
    expect(agencyKindOf(record({ level: 'province', field: 'Hoạt động xây dựng', agencyType: ['economic_zone_management_board', 'provincial_department'] }))).toBe('department_construction');
    expect(agencyKindOf(record({ level: 'commune', field: 'Đất đai', agencyType: ['land_registration_office', 'commune_peoples_committee'] }))).toBe('commune_peoples_committee');
    expect(agencyKindOf(record({ level: 'province', field: 'Chính sách', agencyType: ['ministry', 'provincial_police', 'social_insurance_agency'] }))).toBe('provincial_police');
    expect(agencyKindOf(record({ level: 'province', field: 'Hoạt động xây dựng', agencyType: null }))).toBe('department_construction');
    expect(agencyKindOf(record({ level: 'commune', field: 'Chứng thực', agencyType: ['notary'] }))).toBe('commune_peoples_committee');
  });

  it('derives stable short field codes', () => {
    expect(fieldCodeOf('Hộ tịch')).toBe('HO_TICH');
    expect(fieldCodeOf('Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)')).toBe('HO_KINH_DOANH');
    expect(fieldCodeOf('Lĩnh vực mới lạ')).toBe('LINH_VUC_MOI_LA');
  });

  it('claims full online only when the name says so', () => {
    expect(onlineLevelOf(record({ onlineSubmission: false, onlineLevel: 'partial' }))).toBeNull();
    expect(onlineLevelOf(record())).toBe('partial');
    expect(onlineLevelOf(record({ name: 'Đăng ký xe lần đầu trực tuyến toàn trình' }))).toBe('full');
  });

  it('collects the publishing decision and cited documents once each', () => {
    const lb = legalBasisOf(record({
      requirements: 'Theo Nghị định số 104/2022/NĐ-CP và Luật Đất đai năm 2024; Nghị định 104/2022/NĐ-CP.',
      components: [doc('Tờ khai (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)', null)],
    }));
    expect(lb).toEqual(['Quyết định công bố 163/QĐ-BTP', 'Luật Đất đai năm 2024', 'Nghị định số 104/2022/NĐ-CP', 'Thông tư số 53/2025/TT-BCA']);
  });
});

describe('whole records and files', () => {
  it('maps a record with the standard steps and an e-form only when online', () => {
    const p = mapSourceProcedure(record({ channels: [ch('direct', '1', 1, null), ch('online', '1', 1, null)], results: [{ code: 'KQ1', name: 'Giấy khai sinh' }] }));
    expect(p.steps).toHaveLength(4);
    expect(p.steps[0]).toMatch(/^Nộp hồ sơ: trực tiếp/);
    expect(p.eform).not.toBeNull();
    expect(mapSourceProcedure(record({ onlineSubmission: false })).eform).toBeNull();
  });

  it('rejects a bad file naming the record index', () => {
    expect(() => mapSourceFile({})).toThrow(/JSON array/);
    expect(() => mapSourceFile([record(), { ...record({ code: '1.000002' }), level: 'district' }])).toThrow(/record #1 \(1\.000002\).*level/);
    expect(() => mapSourceFile([record(), { ...record(), channels: 'x' }])).toThrow(/record #1.*channels/);
    expect(() => mapSourceFile([record(), record()])).toThrow(/record #1 .*already used by record #0/);
    expect(mapSourceFile([record()])).toHaveLength(1);
  });
});
