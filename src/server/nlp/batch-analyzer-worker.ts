// The thread behind threadedAnalyzer: loads the model and lexicons once, then
// analyses the batches it is handed.
import { createNlp } from './index.ts';
import { analyseTexts } from './batch-analyzer.ts';

const nlp = createNlp();

export default function analyse(texts: string[]) {
  return analyseTexts(nlp, texts);
}
