/** Plain shapes the obligation and agreement pages pass from their loaders to their components. */

export type Option = { id: number; label: string };

export type ProvisionGroup = {
  codeId: number;
  codeTitle: { nl: string; en: string };
  codeVersion: string;
  provisions: { id: number; number: string; title: { nl: string; en: string } }[];
};
