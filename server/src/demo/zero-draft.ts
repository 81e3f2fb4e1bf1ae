import type { JSONContent } from '@tiptap/core';
import type { ParagraphKind } from '@zerodraft/shared/schema/paragraph.ts';

type Inline = string | JSONContent;

const italic = (text: string): JSONContent => ({ type: 'text', text, marks: [{ type: 'italic' }] });
const bold = (text: string): JSONContent => ({ type: 'text', text, marks: [{ type: 'bold' }] });
const link = (text: string, href: string): JSONContent => ({
  type: 'text',
  text,
  marks: [{ type: 'link', attrs: { href } }],
});

const inline = (content: Inline[]): JSONContent[] =>
  content.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part));

const paragraph = (pid: string, kind: ParagraphKind, ...content: Inline[]): JSONContent => ({
  type: 'paragraph',
  attrs: { pid, kind },
  content: inline(content),
});

const section = (sid: string, heading: string, ...paragraphs: JSONContent[]): JSONContent => ({
  type: 'section',
  attrs: { sid },
  content: [{ type: 'sectionHeading', content: inline([heading]) }, ...paragraphs],
});

/**
 * The Chair's zero draft of the BMS7 outcome document (New York, 26–30 July 2021), as the
 * demo meeting circulates it. Ids are fixed and readable (section `s-a`, its paragraphs
 * `p-a-01` …) so that tests and the README can name a paragraph.
 */
export function zeroDraft(): JSONContent {
  return {
    type: 'doc',
    content: [
      {
        type: 'title',
        content: inline([
          'Draft outcome document of the Seventh Biennial Meeting of States to Consider the Implementation of the ',
          'Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons ',
          'in All Its Aspects',
        ]),
      },
      section(
        's-a',
        'A. Implementation of the Programme of Action and the International Tracing Instrument',
        paragraph(
          'p-a-01',
          'preambular',
          italic('Reaffirming'),
          ' their commitment to the full and effective implementation of the Programme of Action to Prevent, ',
          'Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons in All Its Aspects and of the ',
          'International Instrument to Enable States to Identify and Trace, in a Timely and Reliable Manner, ',
          'Illicit Small Arms and Light Weapons,',
        ),
        paragraph(
          'p-a-02',
          'preambular',
          italic('Recalling'),
          ' the outcome document of the Third United Nations Conference to Review Progress Made in the ',
          'Implementation of the Programme of Action, held in New York from 18 to 29 June 2018 (',
          link('A/CONF.192/2018/RC/3', 'https://undocs.org/A/CONF.192/2018/RC/3'),
          '),',
        ),
        paragraph(
          'p-a-03',
          'preambular',
          italic('Recognizing'),
          ' that the illicit trade in small arms and light weapons continues to fuel armed violence and conflict, ',
          'to undermine respect for international humanitarian law and human rights, and to impede the ',
          'achievement of target 16.4 of the ',
          italic('2030 Agenda for Sustainable Development'),
          ',',
        ),
        paragraph(
          'p-a-04',
          'preambular',
          italic('Mindful'),
          ' of the exceptional circumstances created by the coronavirus disease (COVID-19) pandemic, which led to ',
          'the postponement of the Meeting from June 2020,',
        ),
        paragraph(
          'p-a-05',
          'operative',
          'States renew their commitment to implement the Programme of Action and the International Tracing ',
          'Instrument fully and effectively at the national, regional and global levels;',
        ),
        paragraph(
          'p-a-06',
          'operative',
          'States underline the value of national reports on the implementation of the Programme of Action and ',
          'the International Tracing Instrument, and encourage States that have not yet done so to submit their ',
          'reports by the extended deadline of ',
          bold('31 May 2021'),
          ';',
        ),
        paragraph(
          'p-a-07',
          'operative',
          'States encourage the establishment or strengthening of national coordination agencies and national ',
          'points of contact, and the provision of adequate resources to them, including for:',
        ),
        paragraph(
          'p-a-08',
          'subparagraph',
          'the collection and analysis of data on the illicit trade in small arms and light weapons, ',
          'disaggregated by sex and age where possible;',
        ),
        paragraph(
          'p-a-09',
          'subparagraph',
          'the marking of small arms and light weapons at the time of manufacture and import, in accordance ',
          'with the International Tracing Instrument;',
        ),
        paragraph(
          'p-a-10',
          'subparagraph',
          'the keeping of accurate and comprehensive records, and the timely response to tracing requests;',
        ),
      ),
      section(
        's-b',
        'B. International cooperation and assistance',
        paragraph(
          'p-b-01',
          'operative',
          'States reaffirm that international cooperation and assistance, including the transfer of technology, ',
          'capacity-building and training, remain essential to the full implementation of the Programme of ',
          'Action and the International Tracing Instrument;',
        ),
        paragraph(
          'p-b-02',
          'operative',
          'States encourage better matching of needs and resources, and invite States in a position to do so ',
          'to provide assistance upon request, with due regard to national ownership and to the ',
          'sustainability of results;',
        ),
        paragraph(
          'p-b-03',
          'operative',
          'States welcome the contribution of the ',
          italic('United Nations Trust Facility Supporting Cooperation on Arms Regulation'),
          ' and of regional and subregional organizations, and encourage further contributions to them;',
        ),
      ),
      section(
        's-c',
        'C. Preventing diversion and illicit transfer',
        paragraph(
          'p-c-01',
          'operative',
          'States underline the importance of effective national controls over the export, import, transit ',
          'and retransfer of small arms and light weapons, including end-user certification, to prevent their ',
          'diversion to the illicit market and to unauthorized recipients;',
        ),
        paragraph(
          'p-c-02',
          'operative',
          'States stress the need to prevent diversion throughout the life cycle of small arms and light ',
          'weapons, including through:',
        ),
        paragraph(
          'p-c-03',
          'subparagraph',
          'safe and secure stockpile management, and the disposal of surplus, seized and collected weapons;',
        ),
        paragraph(
          'p-c-04',
          'subparagraph',
          'post-delivery cooperation between exporting and importing States, on a voluntary basis, to ',
          'strengthen compliance with end-use assurances;',
        ),
        paragraph(
          'p-c-05',
          'operative',
          'States note the opportunities and challenges presented by recent developments in small arms and ',
          'light weapons manufacturing, technology and design, and take note of the informal consultations ',
          'held on 25 June 2021 pursuant to section V, paragraph 3, of the outcome document of the Third Review ',
          'Conference;',
        ),
      ),
      section(
        's-d',
        'D. Gender perspectives and women’s participation',
        paragraph(
          'p-d-01',
          'operative',
          'States encourage the ',
          bold('full, equal and meaningful participation of women'),
          ' in policymaking, planning and implementation processes related to the Programme of Action;',
        ),
        paragraph(
          'p-d-02',
          'operative',
          'States encourage the mainstreaming of gender perspectives in the implementation of the Programme of ',
          'Action, including in national action plans and in the design of assistance programmes;',
        ),
        paragraph(
          'p-d-03',
          'operative',
          'States recognize the contribution of civil society, including women’s organizations, to preventing ',
          'and addressing the illicit trade in small arms and light weapons;',
        ),
      ),
      section(
        's-e',
        'E. Follow-up and the Fourth Review Conference',
        paragraph(
          'p-e-01',
          'operative',
          'States decide to convene the Eighth Biennial Meeting of States in New York in [2022], for a period of ',
          'five days;',
        ),
        paragraph(
          'p-e-02',
          'operative',
          'States decide to convene the Fourth United Nations Conference to Review Progress Made in the ',
          'Implementation of the Programme of Action in [2024], preceded by a preparatory committee meeting;',
        ),
        paragraph(
          'p-e-03',
          'operative',
          'States request the Secretary-General to continue to render the necessary assistance and provide ',
          'such services as may be necessary for the follow-up to the present Meeting.',
        ),
      ),
    ],
  };
}
