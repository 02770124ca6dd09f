import { defineMessages } from '../define.ts';

// The help pages' frame (the topics themselves are in spa/features/help/topics.ts). Keys 'help.'.
export const help = defineMessages(
  {
    'nav.help': 'Pomoc',
    'help.title': 'Pomoc',
    'help.lead': 'Krótkie instrukcje do najczęstszych zadań. Działają bez internetu.',
    'help.topics': 'Zadania',
    'help.start': 'Na początek',
    'help.welcome': 'Powitanie: co czyta Radar ES i skąd ma dane',
    'help.about': 'O danych: źródła i pokrycie katalogu',
    'help.back': 'Wszystkie tematy pomocy',
    'help.steps': 'Krok po kroku',
    'help.goTo': 'Przejdź do',
    'help.link': (title: string) => `Pomoc: ${title}`,
    'help.notFound': 'Nie ma takiego tematu pomocy.',
  },
  {
    'nav.help': 'Help',
    'help.title': 'Help',
    'help.lead': 'Short guides to the most common tasks. They work offline.',
    'help.topics': 'Tasks',
    'help.start': 'Getting started',
    'help.welcome': 'Welcome: what Radar ES reads and where its data comes from',
    'help.about': 'About the data: sources and coverage of the directory',
    'help.back': 'All help topics',
    'help.steps': 'Step by step',
    'help.goTo': 'Go to',
    'help.link': (title: string) => `Help: ${title}`,
    'help.notFound': 'There is no such help topic.',
  },
);
